import type { Metadata } from "next";
import Link from "next/link";
import { Pager } from "@/components/data/pager";
import { OverdueBadge } from "@/components/support/request-badges";
import { SupportNav } from "@/components/support/support-nav";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, PageTitle } from "@/components/ui/card";
import { SelectField, TextField } from "@/components/ui/field";
import { listRequestQueue } from "@/lib/dal/requests/staff";
import { requireRole } from "@/lib/dal/session";
import { formatDate, formatDateTime } from "@/lib/format";
import { REQUEST_KINDS, REQUEST_STATUSES } from "@/lib/requests/clock";
import { kindLabel, statusLabel } from "@/lib/requests/kinds";
import { pageParams, param, type SearchParams } from "@/lib/search-params";
import { queueFiltersSchema } from "@/lib/validation/requests-staff";

export const metadata: Metadata = { title: "Request queue" };

export default async function RequestQueuePage(props: { searchParams: SearchParams }) {
  await requireRole("agent");
  const params = await props.searchParams;
  const raw = {
    kind: param(params, "kind"),
    status: param(params, "status"),
    q: param(params, "q"),
  };
  // Unknown values (an old bookmark, a typo) are dropped, and the page says so.
  const filters = queueFiltersSchema.parse({
    kind: raw.kind || undefined,
    status: raw.status || undefined,
    q: raw.q || undefined,
  });
  const ignored =
    (raw.kind !== "" && raw.kind !== filters.kind) ||
    (raw.status !== "" && raw.status !== filters.status);
  const page = await listRequestQueue(filters, pageParams(params));
  const now = new Date();
  const filtered = filters.kind || filters.status !== "open" || filters.q;
  return (
    <>
      <SupportNav current="/support/requests" />
      <PageTitle lead="Privacy requests by due date: the most urgent first. Every request must be answered by its due date.">
        Request queue
      </PageTitle>
      <div className="space-y-6">
        <Card title="Filter the queue" id="filters">
          <form
            method="get"
            action="/support/requests"
            className="grid items-end gap-3 sm:grid-cols-[1fr_1fr_2fr_auto]"
          >
            <SelectField label="Kind" name="kind" defaultValue={filters.kind ?? ""}>
              <option value="">All kinds</option>
              {REQUEST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {kindLabel(k)}
                </option>
              ))}
            </SelectField>
            <SelectField label="Status" name="status" defaultValue={filters.status}>
              <option value="open">Open (received, in progress, extended)</option>
              <option value="all">All statuses</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {statusLabel(s)}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Requester email or reference"
              name="q"
              defaultValue={filters.q ?? ""}
              autoComplete="off"
            />
            <Button type="submit">Show</Button>
          </form>
          {ignored && (
            <div className="mt-4">
              <Alert tone="warning">
                A filter in the address was not recognised and was left out.
              </Alert>
            </div>
          )}
        </Card>
        <Card title="Requests" id="queue">
          {page.items.length === 0 ? (
            <p className="text-sm text-slate-700">
              {filtered
                ? "No requests match these filters."
                : "The queue is empty: no request is waiting for an answer."}
            </p>
          ) : (
            <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Requests table">
              {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
              <table className="w-full text-left text-sm">
                <caption className="sr-only">Privacy requests, soonest due first</caption>
                <thead>
                  <tr className="border-b border-slate-200">
                    {["Reference", "Kind", "Status", "Requester", "Received", "Due"].map((h) => (
                      <th key={h} scope="col" className="py-2 pr-3">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top">
                      <td className="py-2 pr-3 whitespace-nowrap">
                        <Link href={`/support/requests/${r.id}`}>{r.reference}</Link>
                      </td>
                      <td className="py-2 pr-3">{kindLabel(r.kind)}</td>
                      <td className="py-2 pr-3">{statusLabel(r.status)}</td>
                      <td className="py-2 pr-3">
                        {r.requesterName && <div>{r.requesterName}</div>}
                        <div className="text-slate-700">
                          {r.requesterEmail ?? "Erased requester"}
                        </div>
                      </td>
                      <td className="py-2 pr-3 whitespace-nowrap">{formatDate(r.createdAt)}</td>
                      <td className="py-2 pr-3">
                        <span className="whitespace-nowrap">{formatDateTime(r.dueAt)}</span>
                        <OverdueBadge status={r.status} dueAt={r.dueAt} now={now} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          <Pager
            page={page}
            path="/support/requests"
            params={{ kind: filters.kind, status: filters.status, q: filters.q }}
            label="Queue pages"
            words={{ prev: "← Due sooner", next: "Due later →" }}
          />
        </Card>
      </div>
    </>
  );
}
