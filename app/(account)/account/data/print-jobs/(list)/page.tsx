import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { Pager } from "@/components/data/pager";
import { StatusBadge } from "@/components/data/status-badge";
import { listMyPrinters } from "@/lib/dal/data/printers";
import { listMaterialChoices, listMyPrintJobs } from "@/lib/dal/data/print-jobs";
import { parsePrintJobFilters, printJobStatuses } from "@/lib/validation/data";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { AutoDeleteSection } from "../../auto-delete";
import { loadCategory } from "../../load";

export const metadata: Metadata = { title: "Print jobs" };

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
  const printerName = new Map(printers.map((p) => [p.id, p.name]));
  const filtered = Object.values(raw).some(Boolean);
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection category={category} chosenMonths={chosenMonths} readOnly={readOnly} />
      </CategoryHeader>
      <Card title="Your print jobs" id="jobs">
        <LiveRefresh what="print jobs" />
        {/* A new page or filter is a new list, not a change to announce: start afresh. */}
        <LiveAnnouncer
          key={JSON.stringify(sp)}
          items={page.items.map((j) => ({ key: j.id, text: `Print job ${j.name}: ${j.status}` }))}
        />
        <form
          method="get"
          action={PATH}
          className="mb-4 grid gap-3 sm:grid-cols-3 lg:grid-cols-6"
          aria-label="Filter print jobs"
        >
          <div>
            <label htmlFor="f-status" className="block text-sm font-medium">
              Status
            </label>
            <select id="f-status" name="status" defaultValue={raw.status} className={select}>
              <option value="">Any</option>
              {printJobStatuses.map((s) => (
                <option key={s} value={s}>
                  {s}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-material" className="block text-sm font-medium">
              Material
            </label>
            <select id="f-material" name="material" defaultValue={raw.material} className={select}>
              <option value="">Any</option>
              {materials.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-printer" className="block text-sm font-medium">
              Printer
            </label>
            <select id="f-printer" name="printer" defaultValue={raw.printer} className={select}>
              <option value="">Any</option>
              {printers.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-from" className="block text-sm font-medium">
              From
            </label>
            <input id="f-from" type="date" name="from" defaultValue={raw.from} className={select} />
          </div>
          <div>
            <label htmlFor="f-to" className="block text-sm font-medium">
              To
            </label>
            <input id="f-to" type="date" name="to" defaultValue={raw.to} className={select} />
          </div>
          <div className="flex items-end gap-3">
            <button
              type="submit"
              className="min-h-10 rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
            >
              Filter
            </button>
            {filtered && (
              <Link href={PATH} className="text-sm">
                Clear
              </Link>
            )}
          </div>
        </form>
        {page.items.length === 0 ? (
          <Empty>
            {filtered ? "No print jobs match these filters." : "No print jobs recorded yet."}
          </Empty>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Print jobs, newest first</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">
                    Name
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Status
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    Printer
                  </th>
                  <th scope="col" className="py-2">
                    Sent
                  </th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((j) => (
                  <tr key={j.id} className="border-b border-slate-100">
                    <td className="py-2 pr-3 break-all">
                      <Link href={`${PATH}/${j.id}`}>{j.name}</Link>
                    </td>
                    <td className="py-2 pr-3">
                      <StatusBadge status={j.status} />
                    </td>
                    <td className="py-2 pr-3">
                      {(j.printerId && printerName.get(j.printerId)) ?? "—"}
                    </td>
                    <td className="py-2 whitespace-nowrap">{formatDateTime(j.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <Pager page={page} path={PATH} params={raw} label="Print job pages" />
      </Card>
    </>
  );
}
