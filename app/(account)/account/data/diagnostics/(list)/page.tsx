import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatBytes } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { RecentTime } from "@/components/data/recent-time";
import { catalogValue, localizeCategory } from "@/lib/catalog/i18n";
import { listMyDiagnostics } from "@/lib/dal/data/diagnostics";
import { getViewerFormat } from "@/lib/i18n/server";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { AutoDeleteSection } from "../../auto-delete";
import { loadCategory } from "../../load";
import { getSourceWords } from "../source-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.diagnostics");
  return { title: t("title") };
}

export default async function DiagnosticsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats, chosenMonths, readOnly }, page] = await Promise.all([
    loadCategory("diagnostics"),
    listMyDiagnostics(pageParams(sp)),
  ]);
  const t = await getTranslations("data.diagnostics");
  const { locale } = await getViewerFormat();
  const sourceText = await getSourceWords();
  const now = new Date();
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection
          category={localizeCategory(category, locale)}
          chosenMonths={chosenMonths}
          readOnly={readOnly}
        />
      </CategoryHeader>
      <Card title={t("listTitle")} id="bundles">
        {page.items.length === 0 ? (
          <Empty>{t("none")}</Empty>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {page.items.map((d) => (
              <li key={d.id} className="py-2">
                <Link
                  href={`/account/data/diagnostics/${d.id}`}
                  className="font-medium break-words"
                >
                  {catalogValue("diagnosticKind", d.kind, locale)}: {d.summary}
                </Link>
                <p className="text-slate-700">
                  {sourceText(d.source)} · {formatBytes(d.sizeBytes, locale)} ·{" "}
                  <RecentTime value={d.createdAt} now={now} />
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={page} path="/account/data/diagnostics" label={t("pages")} />
      </Card>
    </>
  );
}
