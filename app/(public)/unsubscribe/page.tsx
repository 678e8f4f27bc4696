import type { Metadata } from "next";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { unsubscribeAction } from "../newsletter/actions";

export const metadata: Metadata = { title: "Unsubscribe" };

/** Where the unsubscribe link in every newsletter leads; no sign-in needed. */
export default async function UnsubscribePage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Unsubscribe from the newsletter</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={unsubscribeAction}
            label="Unsubscribe me"
            done="You are unsubscribed. We will not send you the newsletter any more."
            doneLink={{ href: "/", label: "Go to the home page" }}
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
