import type { Metadata } from "next";
import Link from "next/link";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { OverdueMarker, RequestStatusBadge } from "@/components/requests/status-badge";
import { Card, PageTitle } from "@/components/ui/card";
import { listMyPrivacyRequests } from "@/lib/dal/data/privacy-requests";
import { env } from "@/lib/env";
import { formatDate } from "@/lib/format";
import { isOverdue } from "@/lib/requests/clock";
import { dueInWords, kindLabel } from "@/lib/requests/kinds";
import { pageParams, type SearchParams } from "@/lib/search-params";

export const metadata: Metadata = { title: "Your requests" };

export default async function RequestsPage(props: { searchParams: SearchParams }) {
  const page = await listMyPrivacyRequests(pageParams(await props.searchParams));
  const now = new Date();
  return (
    <>
      <PageTitle
        lead={`Every request you made about your data, newest first. We answer ${dueInWords(env.REQUEST_DUE_DAYS)}.`}
      >
        Your requests
      </PageTitle>
      <div className="space-y-6">
        <p>
          <Link
            href="/account/requests/new"
            className="inline-block rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800"
          >
            Make a request
          </Link>
        </p>
        <Card title="Requests" id="requests">
          {page.items.length === 0 ? (
            <Empty>You have not made any requests yet.</Empty>
          ) : (
            <SimpleTable
              caption="Your requests, newest first"
              headers={["Reference", "Request", "Status", "Received", "Due"]}
              rows={page.items.map((r) => ({
                key: r.id,
                cells: [
                  <Link key="r" href={`/account/requests/${r.reference}`} className="font-mono">
                    {r.reference}
                  </Link>,
                  kindLabel(r.kind),
                  <span key="s" className="flex flex-wrap gap-1">
                    <RequestStatusBadge status={r.status} />
                    {isOverdue(r, now) && <OverdueMarker />}
                  </span>,
                  formatDate(r.createdAt),
                  formatDate(r.dueAt),
                ],
              }))}
            />
          )}
          <Pager page={page} path="/account/requests" label="Request pages" />
        </Card>
      </div>
    </>
  );
}
