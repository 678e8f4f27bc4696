import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyPendingErasure } from "@/lib/dal/erasure/request";
import { env } from "@/lib/env";
import { erasureStatement } from "@/lib/erasure/plan";
import { formatLongDateTime } from "@/lib/format";
import { DeleteAccountForm } from "./delete-form";

export const metadata: Metadata = { title: "Delete your account" };

function graceInWords(days: number): string {
  if (days >= 1) return `${Math.round(days)} ${Math.round(days) === 1 ? "day" : "days"}`;
  const minutes = Math.max(1, Math.round(days * 24 * 60));
  return `${minutes} ${minutes === 1 ? "minute" : "minutes"}`;
}

export default async function DeleteAccountPage() {
  const pending = await getMyPendingErasure();
  const statement = erasureStatement();
  const grace = graceInWords(env.ERASURE_GRACE_DAYS);
  return (
    <>
      <PageTitle
        lead={`Your account and your data are deleted ${grace} after you confirm. Until then you can change your mind.`}
      >
        Delete your account
      </PageTitle>
      <div className="space-y-6">
        {pending && (
          <Alert tone="warning">
            Your account is already scheduled for deletion on{" "}
            {formatLongDateTime(pending.scheduledFor)} (request {pending.reference}). Use “Keep my
            account” at the top of the page to cancel it.
          </Alert>
        )}
        <Card title="What we delete" id="deleted">
          <ul className="space-y-3 text-sm">
            {statement.deleted.map((d) => (
              <li key={d.category}>
                <span className="font-medium text-slate-900">{d.category}</span>
                <span className="block text-slate-700">{d.tables.join("; ")}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title="What we keep, without your name, and why" id="kept">
          <ul className="space-y-3 text-sm">
            {statement.stays.map((s) => (
              <li key={s.what}>
                <span className="font-medium text-slate-900">{s.what}</span>
                <span className="block text-slate-700">
                  {s.action === "anonymise" ? "Kept anonymised: " : "Kept: "}
                  {s.how}
                </span>
                <span className="block text-slate-700">Why: {s.basis}</span>
              </li>
            ))}
          </ul>
        </Card>
        {!pending && (
          <Card title="Confirm" id="confirm">
            <DeleteAccountForm grace={grace} />
          </Card>
        )}
      </div>
    </>
  );
}
