import type { Metadata } from "next";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { Card, PageTitle } from "@/components/ui/card";
import { cookieVendors } from "@/lib/catalog/vendors";
import { summariseDecisions } from "@/lib/consent/decisions";
import { listMyConsentEvents } from "@/lib/dal/consent";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Your consents" };

const methodLabels: Record<string, string> = {
  accept_all: "Accepted all",
  reject_all: "Rejected all",
  custom: "Chose per vendor",
  gpc: "Browser privacy signal (GPC)",
  gpc_override: "Allowed advertising despite GPC",
  withdraw: "Withdrew consent",
  preferences: "Changed email preferences",
  double_opt_in: "Confirmed newsletter by email",
  unsubscribe: "Unsubscribed",
};

const vendorNames = new Map(cookieVendors.map((v) => [v.id, v.name]));

function granted(decisions: Record<string, boolean>): string {
  const names = Object.entries(decisions)
    .filter(([, on]) => on)
    .map(([id]) => vendorNames.get(id) ?? id.replace(/_/g, " "));
  return names.length ? names.join(", ") : "nothing";
}

/** Every consent the signed-in user gave or withdrew, as recorded (never edited). */
export default async function ConsentsPage() {
  const events = await listMyConsentEvents();
  return (
    <>
      <PageTitle lead="Each choice you made about cookies and marketing email, exactly as we recorded it.">
        Your consents
      </PageTitle>
      <Card>
        <p className="mb-4 text-sm text-slate-700">
          Change your cookie choice at any time: <CookieSettingsButton />
        </p>
        {events.length === 0 ? (
          <p className="text-sm text-slate-700">No choices recorded for your account yet.</p>
        ) : (
          <ul className="divide-y divide-slate-200 text-sm">
            {events.map((e) => (
              <li key={e.id} className="py-3">
                <p className="font-medium">
                  {e.scope === "cookies" ? "Cookies" : "Marketing email"}:{" "}
                  {methodLabels[e.method] ?? e.method}
                </p>
                <p className="text-slate-700">
                  {summariseDecisions(e.decisions)} — allowed: {granted(e.decisions)}
                </p>
                <p className="text-slate-600">
                  <time dateTime={e.occurredAt.toISOString()}>{formatDateTime(e.occurredAt)}</time>
                  {e.bannerRevision !== null && ` · banner revision ${e.bannerRevision}`} · policy{" "}
                  {e.policyVersion}
                </p>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
