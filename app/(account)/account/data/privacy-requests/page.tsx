import type { Metadata } from "next";
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

// Read-only list; making and tracking requests comes with the requests work (not yet filed).
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
                <span key="r" className="font-mono">
                  {r.reference}
                </span>,
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
      </Card>
    </>
  );
}
