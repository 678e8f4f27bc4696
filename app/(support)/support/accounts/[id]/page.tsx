import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/session";
import { getSupportAccount } from "@/lib/dal/support/console";
import { BreakGlassForm, OpenUserForm } from "./open-forms";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Open an account" };

export default async function SupportAccountPage(props: { params: Promise<{ id: string }> }) {
  const staff = await requireRole("agent");
  const account = await getSupportAccount((await props.params).id);
  if (!account) notFound();
  return (
    <>
      <PageTitle lead={account.email}>{account.name}</PageTitle>
      <div className="space-y-6">
        <Card title="Open a read-only view" id="open">
          {account.grantActiveUntil ? (
            <>
              <p className="mb-4 text-sm text-slate-700">
                Access granted until {formatDateTime(account.grantActiveUntil)}. The view lasts at
                most 60 minutes, cannot change anything, and the customer is emailed and sees every
                page you open.
              </p>
              <OpenUserForm userId={account.id} />
            </>
          ) : (
            <Alert tone="warning">
              This customer has not given support access. Ask them to grant it for your ticket under
              “Support access” in their account.
            </Alert>
          )}
        </Card>
        {staff.role === "admin" && (
          <Card title="Emergency access without permission" id="break-glass">
            <p className="mb-4 text-sm text-slate-700">
              Only when there is no other way. Your justification is stored, audited and sent to the
              customer straight away.
            </p>
            <BreakGlassForm userId={account.id} />
          </Card>
        )}
        <p className="text-sm">
          <Link href="/support">Back to the search</Link>
        </p>
      </div>
    </>
  );
}
