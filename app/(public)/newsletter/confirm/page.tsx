import type { Metadata } from "next";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { confirmNewsletterAction } from "../actions";

export const metadata: Metadata = { title: "Confirm your subscription" };

export default async function NewsletterConfirmPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Confirm your newsletter subscription</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={confirmNewsletterAction}
            label="Yes, send me the newsletter"
            done="Thank you, your subscription is confirmed. You can unsubscribe from every newsletter."
            doneLink={{ href: "/account/preferences", label: "Your email preferences" }}
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
