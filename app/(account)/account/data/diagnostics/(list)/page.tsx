import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatBytes, formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { listMyDiagnostics } from "@/lib/dal/data/diagnostics";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { AutoDeleteSection } from "../../auto-delete";
import { loadCategory } from "../../load";

export const metadata: Metadata = { title: "Diagnostics" };

const kinds = {
  crash_report: "Crash report",
  telemetry: "Telemetry",
  log_bundle: "Log bundle",
} as const;

export default async function DiagnosticsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats, chosenMonths, readOnly }, page] = await Promise.all([
    loadCategory("diagnostics"),
    listMyDiagnostics(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection category={category} chosenMonths={chosenMonths} readOnly={readOnly} />
      </CategoryHeader>
      <Card title="Diagnostic bundles" id="bundles">
        {page.items.length === 0 ? (
          <Empty>No crash reports or telemetry received.</Empty>
        ) : (
          <ul className="divide-y divide-slate-100 text-sm">
            {page.items.map((d) => (
              <li key={d.id} className="py-2">
                <Link href={`/account/data/diagnostics/${d.id}`} className="font-medium">
                  {kinds[d.kind]}: {d.summary}
                </Link>
                <p className="text-slate-700">
                  {d.source} · {formatBytes(d.sizeBytes)} · {formatDateTime(d.createdAt)}
                </p>
              </li>
            ))}
          </ul>
        )}
        <Pager page={page} path="/account/data/diagnostics" label="Diagnostics pages" />
      </Card>
    </>
  );
}
