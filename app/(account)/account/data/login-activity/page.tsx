import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SignInsChart } from "@/components/data/sign-ins-chart";
import { listMySignInPage, listMyWeeklySignIns } from "@/lib/dal/data/sign-ins";
import { formatDate } from "@/lib/format";
import { getViewerFormat } from "@/lib/i18n/server";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { SignInHistory } from "@/components/auth/sign-in-history";
import { AutoDeleteSection } from "../auto-delete";
import { loadCategory } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("activity.metaTitle") };
}

export default async function LoginActivityPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats, chosenMonths, readOnly }, page, weeks, t, f] = await Promise.all([
    loadCategory("login-activity"),
    listMySignInPage(pageParams(sp)),
    listMyWeeklySignIns(),
    getTranslations("security.activity"),
    getViewerFormat(),
  ]);
  const now = new Date().getTime();
  // A week is a calendar day (its Monday), the same for everyone: shown in UTC, not shifted.
  const weekOf = (week: string) => formatDate(`${week}T00:00:00Z`, { locale: f.locale });
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection category={category} chosenMonths={chosenMonths} readOnly={readOnly} />
      </CategoryHeader>
      <div className="space-y-6">
        <Card title={t("chartTitle")} id="chart">
          <SignInsChart weeks={weeks} />
          <details className="mt-4 text-sm">
            <summary className="cursor-pointer">{t("asTable")}</summary>
            <table className="mt-2 w-full text-left">
              <caption className="sr-only">{t("chartTitle")}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-3">
                    {t("weekOf")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {t("succeeded")}
                  </th>
                  <th scope="col" className="py-1">
                    {t("failed")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {weeks.map((w) => (
                  <tr key={w.week} className="border-b border-slate-100">
                    <td className="py-1 pr-3">{weekOf(w.week)}</td>
                    <td className="py-1 pr-3">{w.success}</td>
                    <td className="py-1">{w.failure}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </Card>
        <Card title={t("allTitle")} id="history">
          <p className="mb-3 text-sm text-slate-700">
            {t.rich("goToSecurity", {
              link: (chunks) => <Link href="/account/security">{chunks}</Link>,
            })}
          </p>
          {page.items.length === 0 ? (
            <Empty>{(await getTranslations("security"))("history.empty")}</Empty>
          ) : (
            <SignInHistory items={page.items} now={now} />
          )}
          <Pager
            page={page}
            path="/account/data/login-activity"
            label={t("pages")}
            words={{ prev: t("newer"), next: t("older") }}
          />
        </Card>
      </div>
    </>
  );
}
