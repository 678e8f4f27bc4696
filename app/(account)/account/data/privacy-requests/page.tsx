import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDate, formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { listMyPrivacyRequests } from "@/lib/dal/data/privacy-requests";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Privacy requests" };

// The record of requests, as for every category; making and following them is /account/requests.
export default async function RequestsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page] = await Promise.all([
    loadCategory("privacy-requests"),
    listMyPrivacyRequests(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title="Your requests" id="requests">
        {page.items.length === 0 ? (
          <Empty>You have not made any privacy requests.</Empty>
        ) : (
          <SimpleTable
            caption="Privacy requests, newest first"
            headers={["Reference", "Request", "Status", "Made", "Due", "Closed"]}
            rows={page.items.map((r) => ({
              key: r.id,
              cells: [
                <Link key="r" href={`/account/requests/${r.reference}`} className="font-mono">
                  {r.reference}
                </Link>,
                r.kind.replaceAll("_", " "),
                r.status.replaceAll("_", " "),
                formatDateTime(r.createdAt),
                formatDate(r.dueAt),
                r.closedAt ? formatDate(r.closedAt) : "—",
              ],
            }))}
          />
        )}
        <Pager page={page} path="/account/data/privacy-requests" label="Request pages" />
        <p className="mt-4 text-sm">
          <Link href="/account/requests">Follow your requests or make a new one</Link>
        </p>
      </Card>
    </>
  );
}
