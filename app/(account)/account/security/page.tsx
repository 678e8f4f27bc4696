import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { listMySessions, listMySignIns } from "@/lib/dal/sessions";
import { formatDateTime } from "@/lib/format";
import { param, type SearchParams } from "@/lib/search-params";
import { NotMeButton } from "./not-me-button";
import { PasswordForm } from "./password-form";
import { SessionsList } from "./sessions-list";

export const metadata: Metadata = { title: "Sign-in and security" };

function parseCursor(value: string) {
  const [at, id] = value.split("_");
  const date = new Date(Number(at));
  const n = Number(id);
  return Number.isFinite(date.getTime()) && Number.isSafeInteger(n) && n > 0 ? { at: date, id: n } : undefined;
}

const reasons: Record<string, string> = {
  ok: "Signed in",
  bad_password: "Wrong password",
  throttled: "Blocked: too many attempts",
  unverified: "Email not yet confirmed",
  reset_required: "Password must be replaced",
};

export default async function SecurityPage(props: { searchParams: SearchParams }) {
  const after = parseCursor(param(await props.searchParams, "after"));
  const [sessions, history] = await Promise.all([listMySessions(), listMySignIns({ after })]);
  return (
    <>
      <PageTitle lead="Where your account is signed in, and every attempt to sign in to it.">
        Sign-in and security
      </PageTitle>
      <div className="space-y-6">
        <Card title="Where you are signed in" id="sessions">
          <SessionsList sessions={sessions} />
        </Card>
        <Card title="Change your password" id="password">
          <PasswordForm />
        </Card>
        <Card title="Sign-in history" id="history">
          {history.items.length === 0 ? (
            <p className="text-sm text-slate-700">No sign-ins recorded yet.</p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Sign-in history table">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Sign-in attempts, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">When</th>
                    <th scope="col" className="py-2 pr-3">IP address</th>
                    <th scope="col" className="py-2 pr-3">Browser</th>
                    <th scope="col" className="py-2 pr-3">Result</th>
                    <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {history.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">{formatDateTime(e.occurredAt)}</td>
                      <td className="py-2 pr-3 font-mono">{e.ip ?? "—"}</td>
                      <td className="py-2 pr-3">{e.device}</td>
                      <td className="py-2 pr-3">
                        {reasons[e.reason] ?? e.reason}
                        {e.current && " (this session)"}
                      </td>
                      <td className="py-2">
                        {e.outcome === "success" && !e.current && (
                          <NotMeButton eventId={e.id} label={`${e.device}, ${e.ip ?? "unknown address"}`} />
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <nav aria-label="Sign-in history pages" className="mt-3 flex gap-4 text-sm">
            {after && <Link href="/account/security#history">Newest</Link>}
            {history.next && (
              <Link href={`/account/security?after=${history.next.at.getTime()}_${history.next.id}#history`}>
                Older sign-ins
              </Link>
            )}
          </nav>
        </Card>
      </div>
    </>
  );
}
