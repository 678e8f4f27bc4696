import type { Metadata } from "next";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { verifyEmailAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function VerifyEmailPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Confirm your email address</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={verifyEmailAction}
            label="Confirm my email address"
            done="Thank you, your email address is confirmed. You can sign in now."
            doneLink={{ href: "/sign-in", label: "Sign in" }}
          />
        ) : (
          <Alert tone="error">
            This page needs the link from your email. Open the email and use its link.
          </Alert>
        )}
      </Card>
    </div>
  );
}
