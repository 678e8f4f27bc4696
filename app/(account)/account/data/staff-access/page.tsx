import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { SimpleTable } from "@/components/data/simple-table";
import { listMySupportGrants } from "@/lib/dal/support/grants";
import { listMyStaffAccess } from "@/lib/dal/support/staff-access";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Access by our staff" };

// The records as data: the latest visits and every grant. /account/staff-access shows each
// visit in full, /account/support-access gives and withdraws access.
export default async function StaffAccessPage() {
  const [{ category, stats }, { active, past }, visits] = await Promise.all([
    loadCategory("staff-access"),
    listMySupportGrants(),
    listMyStaffAccess(),
  ]);
  const grants = [...active, ...past];
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
          {visits.items.length === 0 ? (
            <Empty>No member of staff has looked at your account.</Empty>
          ) : (
            <SimpleTable
              caption="Staff access, newest first"
              headers={["When", "Who", "What", "Pages viewed", "Ticket or reason"]}
              rows={visits.items.map((v) => ({
                key: v.id,
                cells: [
                  formatDateTime(v.startedAt),
                  v.agentName,
                  v.breakGlass ? "Emergency access" : "Viewed your account",
                  String(v.pages.length),
                  v.reason ?? v.ticketRef ?? "—",
                ],
              }))}
            />
          )}
          <p className="mt-3 text-sm">
            <Link href="/account/staff-access">Every visit in full</Link>
            {" · "}
            <Link href="/account/support-access">Give or withdraw support access</Link>
          </p>
        </Card>
      </div>
    </>
  );
}
