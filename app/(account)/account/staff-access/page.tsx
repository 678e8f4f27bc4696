import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { listMyStaffAccess, type StaffVisitDTO } from "@/lib/dal/support/staff-access";
import { formatDateTime, formatTime } from "@/lib/format";
import { pageParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Access by staff" };

/** What a refused change was, in words; unknown names are shown as they are. */
const attempts: Record<string, string> = {
  "profile.update": "change your profile",
  "profile.email_change": "change your email address",
  "auth.password_change": "change your password",
  "auth.reauthenticate": "confirm your password",
  "auth.reported_not_me": "report a sign-in",
  "session.revoke": "sign out one of your sessions",
  "support.grant": "give support access",
  "support.revoke": "withdraw support access",
};

function Visit({ v }: { v: StaffVisitDTO }) {
  return (
    <article
      aria-labelledby={`visit-${v.id}`}
      className="space-y-2 border-b border-slate-200 pb-4 last:border-0"
    >
      <h3 id={`visit-${v.id}`} className="font-semibold">
        {v.agentName} · {formatDateTime(v.startedAt)}
        {v.breakGlass && (
          <span className="ml-2 rounded bg-red-100 px-2 py-0.5 text-xs text-red-900">
            Without your permission
          </span>
        )}
      </h3>
      <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
        <dt className="text-slate-600">Ticket</dt>
        <dd>{v.ticketRef ?? "None (emergency access by an administrator)"}</dd>
        <dt className="text-slate-600">Reason given</dt>
        <dd>{v.reason ?? "—"}</dd>
        <dt className="text-slate-600">Ended</dt>
        <dd>
          {v.endedAt
            ? `${formatDateTime(v.endedAt)}${v.endNote ? ` (${v.endNote.toLowerCase()})` : ""}`
            : "Still open"}
        </dd>
      </dl>
      <div className="text-sm">
        <h4 className="font-medium">Pages viewed</h4>
        {v.pages.length === 0 ? (
          <p className="text-slate-700">None.</p>
        ) : (
          <ol className="list-inside list-decimal">
            {v.pages.map((p, i) => (
              <li key={i}>
                <span className="font-mono">{p.path}</span>{" "}
                <span className="text-slate-600">at {formatTime(p.at)}</span>
              </li>
            ))}
          </ol>
        )}
      </div>
      {v.refused.length > 0 && (
        <div className="text-sm">
          <h4 className="font-medium">Changes tried and refused</h4>
          <ul className="list-inside list-disc">
            {v.refused.map((r, i) => (
              <li key={i}>
                Tried to {r.action ? (attempts[r.action] ?? r.action) : "change something"}
                {r.path && (
                  <>
                    {" "}
                    on <span className="font-mono">{r.path}</span>
                  </>
                )}{" "}
                at {formatTime(r.at)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </article>
  );
}

export default async function StaffAccessPage(props: { searchParams: SearchParams }) {
  const cursor = pageParams(await props.searchParams);
  const { items, next, prev } = await listMyStaffAccess(cursor);
  return (
    <>
      <PageTitle lead="Every time someone from our staff looked at your account: who, when, why, and what they saw.">
        Access by staff
      </PageTitle>
      <Card title={prev ? "Earlier visits" : "Visits to your account"} id="visits">
        {items.length === 0 ? (
          <p className="text-sm text-slate-700">
            No one from our staff has looked at your account.
          </p>
        ) : (
          <div className="space-y-4">
            {items.map((v) => (
              <Visit key={v.id} v={v} />
            ))}
          </div>
        )}
        <nav aria-label="Visit pages" className="mt-3 flex gap-4 text-sm">
          {prev && <Link href="/account/staff-access">Newest</Link>}
          {next && <Link href={`/account/staff-access?after=${next}`}>Earlier visits</Link>}
        </nav>
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        To let support look at your account, or to stop them, go to{" "}
        <Link href="/account/support-access">Support access</Link>.
      </p>
    </>
  );
}
