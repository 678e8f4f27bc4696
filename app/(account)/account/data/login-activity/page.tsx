import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SignInsChart } from "@/components/data/sign-ins-chart";
import { listMySignInPage, listMyWeeklySignIns } from "@/lib/dal/data/sign-ins";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { SignInHistoryTable } from "@/components/auth/sign-in-history";
import { AutoDeleteSection } from "../auto-delete";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Sign-in activity" };

export default async function LoginActivityPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats, chosenMonths, readOnly }, page, weeks] = await Promise.all([
    loadCategory("login-activity"),
    listMySignInPage(pageParams(sp)),
    listMyWeeklySignIns(),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection category={category} chosenMonths={chosenMonths} readOnly={readOnly} />
      </CategoryHeader>
      <div className="space-y-6">
        <Card title="Sign-ins per week" id="chart">
          <SignInsChart weeks={weeks} />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer">Sign-ins per week as a table</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">Sign-ins per week</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-3">
                    Week of
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    Signed in
                  </th>
                  <th scope="col" className="py-1">
                    Failed
                  </th>
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
            To end sessions or change your password, go to{" "}
            <Link href="/account/security">sign-in and security</Link>.
          </p>
          {page.items.length === 0 ? (
            <Empty>No sign-ins recorded yet.</Empty>
          ) : (
            <SignInHistoryTable items={page.items} />
          )}
          <Pager page={page} path="/account/data/login-activity" label="Sign-in pages" />
        </Card>
      </div>
    </>
  );
}
