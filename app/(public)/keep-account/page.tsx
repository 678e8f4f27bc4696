import type { Metadata } from "next";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { keepAccountWithTokenAction } from "@/app/(account)/account/delete/actions";

export const metadata: Metadata = { title: "Keep my account" };

/**
 * Where the link in the "your account will be deleted" mail leads; no sign-in needed (the signed
 * token is the proof). Opening it changes nothing: only the button does.
 */
export default async function KeepAccountPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Keep your account</PageTitle>
      <Card>
        {token ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">
              Press the button to cancel the deletion of your account. Nothing is deleted, and your
              account works as before.
            </p>
            <LinkConfirm
              token={token}
              action={keepAccountWithTokenAction}
              label="Keep my account"
              done="Your account stays. We cancelled its deletion and sent you a confirmation."
              doneLink={{ href: "/sign-in", label: "Sign in" }}
            />
          </div>
        ) : (
          <Alert tone="error">
            This page needs the link from your email. Open the email and use its link.
          </Alert>
        )}
      </Card>
    </div>
  );
}
