import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { Pager } from "@/components/data/pager";
import { StatusBadge } from "@/components/data/status-badge";
import { STATUS_ORDER } from "@/components/data/printer-status";
import { StatusTimeline } from "@/components/data/status-timeline";
import { getMyPrinter, listMyPrinterStatus, listMyPrinterTimeline } from "@/lib/dal/data/printers";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { uuidOr404 } from "../../load";

export const metadata: Metadata = { title: "Printer" };

export default async function PrinterPage(props: {
  params: Promise<{ id: string }>;
  searchParams: SearchParams;
}) {
  const id = uuidOr404((await props.params).id);
  const sp = await props.searchParams;
  const printer = await getMyPrinter(id);
  if (!printer) notFound();
  const [timeline, page] = await Promise.all([
    listMyPrinterTimeline(id),
    listMyPrinterStatus(id, pageParams(sp)),
  ]);
  const points = timeline.map((e) => ({
    t: e.occurredAt.getTime(),
    level: STATUS_ORDER.indexOf(e.status),
    status: e.status,
  }));
  const path = `/account/data/printers/${id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/printers">← Printers</Link>
      </p>
      <PageTitle
        lead={`${printer.model} · serial ${printer.serial} · firmware ${printer.firmware}`}
      >
        {printer.name}
      </PageTitle>
      <LiveRefresh what="status and history" />
      <LiveAnnouncer items={[{ key: printer.id, text: `${printer.name}: ${printer.status}` }]} />
      <div className="space-y-6">
        <Card title="Now" id="now">
          <p className="text-sm">
            <StatusBadge status={printer.status} />, last seen {formatDateTime(printer.lastSeenAt)}
            {printer.groupName && (
              <>
                {" "}
                · group {printer.groupName} ({printer.groupKey})
              </>
            )}
          </p>
        </Card>
        <Card title="Status over time" id="timeline">
          {points.length === 0 ? (
            <Empty>This printer has not reported any status yet.</Empty>
          ) : (
            <StatusTimeline points={points} />
          )}
        </Card>
        <Card title="Status changes" id="changes">
          {page.items.length === 0 ? (
            <Empty>No status changes recorded.</Empty>
          ) : (
            <div className="overflow-x-auto">
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Status changes, newest first</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    <th scope="col" className="py-2 pr-3">
                      When
                    </th>
                    <th scope="col" className="py-2 pr-3">
                      Status
                    </th>
                    <th scope="col" className="py-2">
                      Message
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((e) => (
                    <tr key={e.id} className="border-b border-slate-100">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        {formatDateTime(e.occurredAt)}
                      </td>
                      <td className="py-2 pr-3">{e.status}</td>
                      <td className="py-2">{e.message ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager page={page} path={path} label="Status change pages" />
        </Card>
      </div>
    </>
  );
}
