import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { listMyStaffAccess, listMySupportGrants } from "@/lib/dal/data/records";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Access by our staff" };

const kinds: Record<string, string> = {
  start: "Started viewing",
  page_view: "Viewed a page",
  write_refused: "Tried to change something (refused)",
  end: "Stopped viewing",
  break_glass: "Emergency access",
};

// Read-only: support access is granted and withdrawn on /account/support-access; this is the
// record of what staff did with it.
export default async function StaffAccessPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, grants, page] = await Promise.all([
    loadCategory("staff-access"),
    listMySupportGrants(),
    listMyStaffAccess(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title="Permissions you gave support" id="grants">
          {grants.length === 0 ? (
            <Empty>You have never given support access to your account.</Empty>
          ) : (
            <SimpleTable
              caption="Support access permissions"
              headers={["Ticket", "Given", "Ends", "Withdrawn"]}
              rows={grants.map((g) => ({
                key: g.id,
                cells: [
                  g.ticketRef,
                  formatDateTime(g.createdAt),
                  formatDateTime(g.expiresAt),
                  g.revokedAt ? formatDateTime(g.revokedAt) : "—",
                ],
              }))}
            />
          )}
        </Card>
        <Card title="What staff did" id="events">
          {page.items.length === 0 ? (
            <Empty>No member of staff has looked at your account.</Empty>
          ) : (
            <SimpleTable
              caption="Staff access, newest first"
              headers={["When", "Who", "What", "Page", "Ticket or reason"]}
              rows={page.items.map((e) => ({
                key: e.id,
                cells: [
                  formatDateTime(e.occurredAt),
                  e.agent,
                  kinds[e.kind] ?? e.kind,
                  e.path ?? "—",
                  e.reason ?? e.ticketRef ?? "—",
                ],
              }))}
            />
          )}
          <Pager page={page} path="/account/data/staff-access" label="Staff access pages" />
        </Card>
      </div>
    </>
  );
}
