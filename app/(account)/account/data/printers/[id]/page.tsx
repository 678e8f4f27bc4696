import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { Empty } from "@/components/data/empty";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { Pager } from "@/components/data/pager";
import { RecentTime } from "@/components/data/recent-time";
import { SimpleTable } from "@/components/data/simple-table";
import { StatusBadge } from "@/components/data/status-badge";
import { StatusTimeline } from "@/components/data/status-timeline";
import { catalogValue } from "@/lib/catalog/i18n";
import { getMyPrinter, listMyPrinterStatus, listMyPrinterTimeline } from "@/lib/dal/data/printers";
import { getViewerFormat } from "@/lib/i18n/server";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { uuidOr404 } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.printer");
  return { title: t("title") };
}

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
  const t = await getTranslations("data.printer");
  const { locale } = await getViewerFormat();
  const now = new Date();
  const status = (s: string) => catalogValue("printerStatus", s, locale);
  const events = timeline.map((e) => ({ t: e.occurredAt.getTime(), status: e.status }));
  const path = `/account/data/printers/${id}`;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/printers">{t("back")}</Link>
      </p>
      <PageTitle
        lead={t("lead", {
          model: printer.model,
          serial: printer.serial,
          firmware: printer.firmware,
        })}
      >
        {printer.name}
      </PageTitle>
      <LiveRefresh what={t("liveWhat")} />
      <LiveAnnouncer
        items={[{ key: printer.id, text: `${printer.name}: ${status(printer.status)}` }]}
      />
      <div className="space-y-6">
        <Card title={t("now")} id="now">
          <p className="text-sm">
            <StatusBadge status={printer.status} label={status(printer.status)} />
            {", "}
            {t("lastSeen")} <RecentTime value={printer.lastSeenAt} now={now} />
            {printer.groupName && (
              <>
                {" · "}
                {t("group", { name: printer.groupName, key: printer.groupKey ?? "" })}
              </>
            )}
          </p>
        </Card>
        <Card title={t("overTime")} id="timeline">
          {events.length === 0 ? (
            <Empty>{t("noStatus")}</Empty>
          ) : (
            <StatusTimeline events={events} now={now} />
          )}
        </Card>
        <Card title={t("changes")} id="changes">
          {page.items.length === 0 ? (
            <Empty>{t("noChanges")}</Empty>
          ) : (
            <SimpleTable
              caption={t("changesCaption")}
              headers={[t("when"), t("status"), t("message")]}
              rows={page.items.map((e) => ({
                key: e.id,
                cells: [
                  <RecentTime key="w" value={e.occurredAt} now={now} />,
                  status(e.status),
                  e.message ?? "—",
                ],
              }))}
            />
          )}
          <Pager page={page} path={path} label={t("pages")} />
        </Card>
      </div>
    </>
  );
}
