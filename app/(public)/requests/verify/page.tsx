import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { ConfirmRequest } from "./confirm-request";

export const metadata: Metadata = { title: "Confirm your request" };

export default async function ConfirmRequestPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Confirm your request</PageTitle>
      <Card>
        {token ? (
          <div className="space-y-3">
            <p className="text-sm">
              Confirming proves this email address is yours. We then start on your request, and the
              time we have to answer starts now.
            </p>
            <ConfirmRequest token={token} />
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
