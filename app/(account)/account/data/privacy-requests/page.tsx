import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { LocalTime } from "@/components/i18n/local-time";
import { listMyPrivacyRequests } from "@/lib/dal/data/privacy-requests";
import { REQUEST_KINDS, REQUEST_STATUSES } from "@/lib/requests/clock";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("privacyRequests.metaTitle") };
}

const known = <T extends string>(list: readonly T[], value: string): value is T =>
  (list as readonly string[]).includes(value);

// The record of requests, as for every category; making and following them is /account/requests.
export default async function RequestsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page, t, tPager] = await Promise.all([
    loadCategory("privacy-requests"),
    listMyPrivacyRequests(pageParams(sp)),
    getTranslations("security.privacyRequests"),
    getTranslations("security.activity"),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title={t("title")} id="requests">
        {page.items.length === 0 ? (
          <Empty>{t("empty")}</Empty>
        ) : (
          <SimpleTable
            caption={t("caption")}
            headers={[t("reference"), t("request"), t("status"), t("made"), t("due"), t("closed")]}
            rows={page.items.map((r) => ({
              key: r.id,
              cells: [
                <Link key="r" href={`/account/requests/${r.reference}`} className="font-mono">
                  {r.reference}
                </Link>,
                known(REQUEST_KINDS, r.kind) ? t(`kind.${r.kind}`) : r.kind,
                known(REQUEST_STATUSES, r.status) ? t(`state.${r.status}`) : r.status,
                <LocalTime key="made" value={r.createdAt} />,
                <LocalTime key="due" value={r.dueAt} style="date" />,
                r.closedAt ? <LocalTime key="closed" value={r.closedAt} style="date" /> : "—",
              ],
            }))}
          />
        )}
        <Pager
          page={page}
          path="/account/data/privacy-requests"
          label={t("pages")}
          words={{ prev: tPager("newer"), next: tPager("older") }}
        />
        <p className="mt-4 text-sm">
          <Link href="/account/requests">{t("follow")}</Link>
        </p>
      </Card>
    </>
  );
}
