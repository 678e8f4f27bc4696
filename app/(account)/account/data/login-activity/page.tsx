import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SignInsChart } from "@/components/data/sign-ins-chart";
import { listMySignInPage, listMyWeeklySignIns } from "@/lib/dal/data/sign-ins";
import { param, type SearchParams } from "@/lib/search-params";
import { NotMeButton } from "../../security/not-me-button";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Sign-in activity" };

const reasons: Record<string, string> = {
  ok: "Signed in",
  bad_password: "Wrong password",
  throttled: "Blocked: too many attempts",
  unverified: "Email not yet confirmed",
  reset_required: "Password must be replaced",
};

export default async function LoginActivityPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page, weeks] = await Promise.all([
    loadCategory("login-activity"),
    listMySignInPage({ after: param(sp, "after"), before: param(sp, "before") }),
    listMyWeeklySignIns(),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title="Sign-ins per week" id="chart">
          <SignInsChart weeks={weeks} />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer">Sign-ins per week as a table</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">Sign-ins per week</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-3">Week of</th>
                  <th scope="col" className="py-1 pr-3">Signed in</th>
                  <th scope="col" className="py-1">Failed</th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week} className="border-b border-slate-100">
                    <td className="py-1 pr-3">{w.week}</td>
                    <td className="py-1 pr-3">{w.success}</td>
                    <td className="py-1">{w.failure}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
        <Card title="Every sign-in attempt" id="history">
          <p className="mb-3 text-sm text-slate-700">
            To end sessions or change your password, go to <Link href="/account/security">sign-in and security</Link>.
          </p>
          {page.items.length === 0 ? (
            <Empty>No sign-ins recorded yet.</Empty>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Sign-in attempts, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">When</th>
                    <th scope="col" className="py-2 pr-3">IP address</th>
                    <th scope="col" className="py-2 pr-3">Browser and system</th>
                    <th scope="col" className="py-2 pr-3">Result</th>
                    <th scope="col" className="py-2"><span className="sr-only">Actions</span></th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
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
          <Pager page={page} path="/account/data/login-activity" label="Sign-in pages" />
        </Card>
      </div>
    </>
  );
}
