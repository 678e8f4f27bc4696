import type { Metadata } from "next";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Set a new password" };

export default async function ResetPasswordPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>Set a new password</PageTitle>
      <Card>
        {token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Alert tone="error">
            This page needs the link from your email.{" "}
            <Link href="/forgot-password">Ask for one</Link>
          </Alert>
        )}
      </Card>
    </div>
  );
}
