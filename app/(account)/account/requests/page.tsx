import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { requestWord } from "@/components/requests/words";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { OverdueMarker, RequestStatusBadge } from "@/components/requests/status-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { listMyPrivacyRequests } from "@/lib/dal/data/privacy-requests";
import { env } from "@/lib/env";
import { isOverdue } from "@/lib/requests/clock";
import { pageParams, type SearchParams } from "@/lib/search-params";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.list");
  return { title: t("title") };
}

export default async function RequestsPage(props: { searchParams: SearchParams }) {
  const page = await listMyPrivacyRequests(pageParams(await props.searchParams));
  const now = new Date();
  const t = await getTranslations("requests");
  return (
    <>
      <PageTitle lead={t("list.lead", { days: env.REQUEST_DUE_DAYS })}>{t("list.title")}</PageTitle>
      <div className="space-y-6">
        <p>
          <Link
            href="/account/requests/new"
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800"
          >
            {t("list.make")}
          </Link>
        </p>
        <Card title={t("list.card")} id="requests">
          {page.items.length === 0 ? (
            <Empty>{t("list.empty")}</Empty>
          ) : (
            <SimpleTable
              caption={t("list.caption")}
              headers={[
                t("list.reference"),
                t("list.request"),
                t("list.status"),
                t("list.received"),
                t("list.due"),
              ]}
              rows={page.items.map((r) => ({
                key: r.id,
                cells: [
                  <Link key="r" href={`/account/requests/${r.reference}`} className="font-mono">
                    {r.reference}
                  </Link>,
                  requestWord(t, "kind", r.kind),
                  <span key="s" className="flex flex-wrap gap-1">
                    <RequestStatusBadge status={r.status} />
                    {isOverdue(r, now) && <OverdueMarker />}
                  </span>,
                  <LocalTime key="c" value={r.createdAt} style="date" />,
                  <LocalTime key="d" value={r.dueAt} style="date" />,
                ],
              }))}
            />
          )}
          <Pager page={page} path="/account/requests" label={t("list.pages")} />
        </Card>
      </div>
    </>
  );
}
