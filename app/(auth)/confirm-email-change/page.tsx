import type { Metadata } from "next";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { confirmEmailChangeAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your new email address" };

/** Opened from the link sent to the new address; works whether or not you are signed in. */
export default async function ConfirmEmailChangePage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Confirm your new email address</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={confirmEmailChangeAction}
            label="Use this email address"
            done="Done: your account now uses this email address. We told your old address about the change."
            doneLink={{ href: "/account/profile", label: "Go to your profile" }}
          />
        ) : (
          <Alert tone="error">This page needs the link from your email.</Alert>
        )}
      </Card>
    </div>
  );
}
