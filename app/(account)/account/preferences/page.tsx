import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { LocalTime } from "@/components/i18n/local-time";
import { Card } from "@/components/ui/card";
import { getMyMarketingPreferences, listMyEmailEngagement } from "@/lib/dal/marketing";
import { getMyProcessing } from "@/lib/dal/processing";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../data/load";
import { PreferencesForm } from "./preferences-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav.sections");
  return { title: t("marketing") };
}

/**
 * Marketing email, one page: the choices (changed here) and the opens and clicks we recorded
 * under them. /account/data/marketing redirects here.
 */
export default async function PreferencesPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, prefs, processing, page, t] = await Promise.all([
    loadCategory("marketing"),
    getMyMarketingPreferences(),
    getMyProcessing(),
    listMyEmailEngagement(pageParams(sp)),
    getTranslations("consent"),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title={t("preferences.title")} id="choices">
          <p className="mb-4 text-sm text-slate-700">{t("preferences.lead")}</p>
          <PreferencesForm
            initial={prefs}
            profilingObjected={processing.state.objections.includes("profiling")}
          />
        </Card>
        <Card title={t("engagement.title")} id="engagement">
          {page.items.length === 0 ? (
            <Empty>{t("engagement.empty")}</Empty>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm" aria-label={t("engagement.list")}>
              {page.items.map((e) => (
                <li key={e.id} className="grid gap-x-4 gap-y-0.5 py-2 sm:grid-cols-[12rem_1fr]">
                  <span className="text-slate-600">
                    <LocalTime value={e.occurredAt} />
                  </span>
                  <span>
                    <span className="font-medium">
                      {e.kind === "open" ? t("engagement.opened") : t("engagement.clicked")}
                    </span>
                    {" · "}
                    {e.campaign}
                    {e.url && <span className="block break-all text-slate-700">{e.url}</span>}
                  </span>
                </li>
              ))}
            </ul>
          )}
          <Pager
            page={page}
            path="/account/preferences"
            label={t("engagement.pages")}
            words={{ prev: t("engagement.newer"), next: t("engagement.older") }}
          />
        </Card>
      </div>
    </>
  );
}
