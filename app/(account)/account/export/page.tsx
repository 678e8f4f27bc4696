import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { categories, getCategory, type CategoryId } from "@/lib/catalog";
import { countMyExportRows, listMyExportHistory } from "@/lib/dal/export";
import { formatBytes } from "./download";
import { ExportForm } from "./export-form";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Download your data" };

const fmt = new Intl.NumberFormat("en-GB");
const formatName = { json: "JSON", zip: "CSV (ZIP)", csv: "CSV" } as const;
const statusName = {
  running: "In progress",
  completed: "Completed",
  failed: "Not completed",
} as const;

export default async function ExportPage() {
  const ids = categories.map((c) => c.id);
  const [counts, history] = await Promise.all([countMyExportRows(ids), listMyExportHistory()]);
  const options = categories.map((c) => ({
    id: c.id,
    title: c.title,
    summary: c.summary,
    timeSeries: c.timeSeries,
    tables: counts.filter((n) => n.category === c.id).length,
  }));
  return (
    <>
      <PageTitle lead="A copy of everything we hold about you, in a format other programs can read. It is made from your live data as you download it, and never stored on our servers.">
        Download your data
      </PageTitle>
      <div className="space-y-6">
        <Card title="Make a copy" id="export">
          <ExportForm options={options} />
        </Card>
        <Card title="What it holds now" id="contents">
          <div className="overflow-x-auto">
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Records per file, without a date range</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-2 pr-3">
                    Kind of data
                  </th>
                  <th scope="col" className="py-2 pr-3">
                    File
                  </th>
                  <th scope="col" className="py-2 text-right">
                    Records
                  </th>
                </tr>
              </thead>
              <tbody>
                {counts.map((n) => (
                  <tr key={`${n.category}/${n.table}`} className="border-b border-slate-100">
                    <td className="py-2 pr-3">{getCategory(n.category as CategoryId)?.title}</td>
                    <td className="py-2 pr-3 font-mono text-xs">{`${n.category}/${n.table}`}</td>
                    <td className="py-2 text-right tabular-nums">{fmt.format(n.rows)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Card>
        <Card title="Your earlier exports" id="history">
          {history.length === 0 ? (
            <p className="text-sm text-slate-700">You have not downloaded your data yet.</p>
          ) : (
            <ul className="space-y-3 text-sm">
              {history.map((h) => (
                <li key={h.id} className="rounded-md border border-slate-200 p-3">
                  <p className="font-medium text-slate-900">
                    {formatDateTime(h.startedAt)}: {formatName[h.format]}, {statusName[h.status]}
                  </p>
                  <dl className="mt-1 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-slate-700">
                    <dt>Included</dt>
                    <dd>{h.categories.map((c) => getCategory(c)?.title ?? c).join(", ")}</dd>
                    {h.sizeBytes !== null && (
                      <>
                        <dt>Size</dt>
                        <dd>
                          {formatBytes(h.sizeBytes)}
                          {h.rows !== null && `, ${fmt.format(h.rows)} records`}
                        </dd>
                      </>
                    )}
                    {h.sha256 && (
                      <>
                        <dt>SHA-256</dt>
                        <dd className="font-mono text-xs break-all">{h.sha256}</dd>
                      </>
                    )}
                    <dt>To IP address</dt>
                    <dd>{h.ip ?? "unknown"}</dd>
                    {h.error && (
                      <>
                        <dt>Why</dt>
                        <dd>{h.error}</dd>
                      </>
                    )}
                  </dl>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
