import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { Pager } from "@/components/data/pager";
import { RecentTime } from "@/components/data/recent-time";
import { SimpleTable } from "@/components/data/simple-table";
import { StatusBadge } from "@/components/data/status-badge";
import { catalogValue, localizeCategory } from "@/lib/catalog/i18n";
import { listMyPrinters } from "@/lib/dal/data/printers";
import { listMaterialChoices, listMyPrintJobs } from "@/lib/dal/data/print-jobs";
import { getViewerFormat } from "@/lib/i18n/server";
import { parsePrintJobFilters, printJobStatuses } from "@/lib/validation/data";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { AutoDeleteSection } from "../../auto-delete";
import { loadCategory } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.printJobs");
  return { title: t("title") };
}

const PATH = "/account/data/print-jobs";
const select =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

export default async function PrintJobsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const raw = Object.fromEntries(
    ["status", "material", "printer", "from", "to"].map((k) => [k, param(sp, k)]),
  );
  const filters = parsePrintJobFilters(raw);
  const [{ category, stats, chosenMonths, readOnly }, page, printers, materials] =
    await Promise.all([
      loadCategory("print-jobs"),
      listMyPrintJobs(filters, pageParams(sp)),
      listMyPrinters(),
      listMaterialChoices(),
    ]);
  const t = await getTranslations("data.printJobs");
  const { locale } = await getViewerFormat();
  const now = new Date();
  const status = (s: string) => catalogValue("printJobStatus", s, locale);
  const printerName = new Map(printers.map((p) => [p.id, p.name]));
  const filtered = Object.values(raw).some(Boolean);
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection
          category={localizeCategory(category, locale)}
          chosenMonths={chosenMonths}
          readOnly={readOnly}
        />
      </CategoryHeader>
      <Card title={t("listTitle")} id="jobs">
        <LiveRefresh what={t("liveWhat")} />
        {/* A new page or filter is a new list, not a change to announce: start afresh. */}
        <LiveAnnouncer
          key={JSON.stringify(sp)}
          items={page.items.map((j) => ({
            key: j.id,
            text: t("announce", { name: j.name, status: status(j.status) }),
          }))}
        />
        <form
          method="get"
          action={PATH}
          className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
          aria-label={t("filterLabel")}
        >
          <div>
            <label htmlFor="f-status" className="block text-sm font-medium">
              {t("status")}
            </label>
            <select id="f-status" name="status" defaultValue={raw.status} className={select}>
              <option value="">{t("any")}</option>
              {printJobStatuses.map((s) => (
                <option key={s} value={s}>
                  {status(s)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-material" className="block text-sm font-medium">
              {t("material")}
            </label>
            <select id="f-material" name="material" defaultValue={raw.material} className={select}>
              <option value="">{t("any")}</option>
              {materials.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-printer" className="block text-sm font-medium">
              {t("printer")}
            </label>
            <select id="f-printer" name="printer" defaultValue={raw.printer} className={select}>
              <option value="">{t("any")}</option>
              {printers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-from" className="block text-sm font-medium">
              {t("from")}
            </label>
            <input id="f-from" type="date" name="from" defaultValue={raw.from} className={select} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm font-medium">
              {t("to")}
            </label>
            <input id="f-to" type="date" name="to" defaultValue={raw.to} className={select} />
          </div>
          <div className="flex items-end gap-3">
            <button
              type="submit"
              className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              {t("filter")}
            </button>
            {filtered && (
              <Link href={PATH} className="text-sm">
                {t("clear")}
              </Link>
            )}
          </div>
        </form>
        {page.items.length === 0 ? (
          <Empty>{filtered ? t("noMatch") : t("none")}</Empty>
        ) : (
          <SimpleTable
            caption={t("caption")}
            headers={[t("name"), t("status"), t("printer"), t("sent")]}
            titleFirst
            rows={page.items.map((j) => ({
              key: j.id,
              cells: [
                <Link key="n" href={`${PATH}/${j.id}`} title={j.name} className="break-words">
                  {j.name}
                </Link>,
                <StatusBadge key="s" status={j.status} label={status(j.status)} />,
                (j.printerId && printerName.get(j.printerId)) ?? "—",
                <RecentTime key="t" value={j.createdAt} now={now} />,
              ],
            }))}
          />
        )}
        <Pager page={page} path={PATH} params={raw} label={t("pages")} />
      </Card>
    </>
  );
}
