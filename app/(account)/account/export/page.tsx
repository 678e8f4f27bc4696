import type { Metadata } from "next";
import { getFormatter, getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { getLocalizedCategories, getLocalizedCategory } from "@/lib/catalog/i18n";
import { countMyExportRows, listMyExportHistory } from "@/lib/dal/export";
import { REFUSAL_CODES, type RefusalCode } from "@/lib/export/http";
import { sizeParts } from "./download";
import { ExportForm } from "./export-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("export");
  return { title: t("page.metaTitle") };
}

// The history stores why an export failed in English (it is also an audit record); these are
// the sentences the DAL writes, shown in the viewer's language.
const knownErrors = {
  "The download was cancelled before it finished.": "cancelled",
  "The server restarted before the download finished.": "restarted",
  "The export stopped because of an error on our side.": "ours",
} as const;

export default async function ExportPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const t = await getTranslations("export");
  const format = await getFormatter();
  const locale = await getLocale();
  const categories = getLocalizedCategories(locale);
  const titleOf = (id: string) => getLocalizedCategory(id, locale)?.title ?? id;
  const describeTable = (id: string, table: string) =>
    getLocalizedCategory(id, locale)?.tables.find((x) => x.name === table)?.description ?? table;
  const refusedParam = (await props.searchParams).refused;
  const refused: RefusalCode | null =
    refusedParam === "unknown"
      ? "unknown"
      : (REFUSAL_CODES.find((c) => c === refusedParam) ?? null);
  const ids = categories.map((c) => c.id);
  const [counts, history] = await Promise.all([countMyExportRows(ids), listMyExportHistory()]);
  const options = categories.map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    timeSeries: c.timeSeries,
  }));
  const size = (n: number) => {
    const s = sizeParts(n);
    return t(`bytes.${s.unit}`, { n: s.unit === "b" ? s.n : format.number(s.n) });
  };
  const now = new Date();
  return (
    <>
      <PageTitle lead={t("page.lead")}>{t("page.title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("page.make")} id="export">
          <ExportForm options={options} refused={refused} />
        </Card>
        <Card title={t("page.contents")} id="contents">
          {/* On a phone each row is a small card (kind and count, then what it is): three
              columns of Dutch words do not fit 320 px. */}
          <table className="relative w-full text-left text-sm max-sm:block">
            <caption className="sr-only">{t("page.contentsCaption")}</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b border-slate-200">
                <th scope="col" className="py-2 pr-3">
                  {t("page.kind")}
                </th>
                <th scope="col" className="py-2 pr-3">
                  {t("page.what")}
                </th>
                <th scope="col" className="py-2 text-right">
                  {t("page.records")}
                </th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {counts.map((n) => (
                <tr
                  key={`${n.category}/${n.table}`}
                  data-file={`${n.category}/${n.table}`}
                  className="border-b border-slate-100 align-top max-sm:grid max-sm:grid-cols-[1fr_auto] max-sm:gap-x-3 max-sm:py-2"
                >
                  <td className="py-2 pr-3 [overflow-wrap:anywhere] max-sm:py-0 max-sm:pr-0 max-sm:font-medium">
                    {titleOf(n.category)}
                  </td>
                  <td className="py-2 pr-3 [overflow-wrap:anywhere] max-sm:col-span-2 max-sm:row-start-2 max-sm:py-0 max-sm:pr-0">
                    {describeTable(n.category, n.table)}
                  </td>
                  <td
                    data-label={`${t("page.records")}: `}
                    className="py-2 text-right tabular-nums max-sm:col-start-2 max-sm:row-start-1 max-sm:py-0 max-sm:before:content-[attr(data-label)]"
                  >
                    {format.number(n.rows)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
        <Card title={t("page.history")} id="history">
          {history.length === 0 ? (
            <p className="text-sm text-slate-700">{t("history.empty")}</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {history.map((h) => {
                const known = h.error && knownErrors[h.error as keyof typeof knownErrors];
                return (
                  <li key={h.id} className="rounded-md border border-slate-200 p-3">
                    <p className="font-medium text-slate-900">
                      <LocalTime value={h.startedAt} now={now} />
                      {t("history.entry", {
                        format: t(`history.format.${h.format}`),
                        status: t(`history.status.${h.status}`),
                      })}
                    </p>
                    <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
                      <dt>{t("history.included")}</dt>
                      <dd>{h.categories.map(titleOf).join(", ")}</dd>
                      {h.sizeBytes !== null && (
                        <>
                          <dt>{t("history.size")}</dt>
                          <dd>
                            {h.rows !== null
                              ? t("history.sizeRecords", {
                                  size: size(h.sizeBytes),
                                  records: h.rows,
                                })
                              : size(h.sizeBytes)}
                          </dd>
                        </>
                      )}
                      {h.sha256 && (
                        <>
                          <dt>{t("history.sha256")}</dt>
                          <dd className="font-mono text-xs break-all">{h.sha256}</dd>
                        </>
                      )}
                      <dt>{t("history.ip")}</dt>
                      <dd className="break-all">{h.ip ?? t("history.unknown")}</dd>
                      {h.error && (
                        <>
                          <dt>{t("history.why")}</dt>
                          <dd>{known ? t(`history.error.${known}`) : h.error}</dd>
                        </>
                      )}
                    </dl>
                  </li>
                );
              })}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
