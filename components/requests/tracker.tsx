import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatDateTime } from "@/lib/format";
import { kindDescription, kindLabel } from "@/lib/requests/kinds";
import { DueDateLine } from "./due-date-line";
import { OverdueMarker, RequestStatusBadge } from "./status-badge";
import { RequestTimeline, type TimelineEntry } from "./timeline";

export type TrackedRequest = {
  reference: string;
  kind: string;
  status: string;
  details: string | null;
  createdAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  closedAt: Date | null;
  open: boolean;
  overdue: boolean;
  timeline: TimelineEntry[];
};

/** The whole tracker: summary, timeline, and (while open) the requester's actions. */
export function RequestTracker({
  request: r,
  actions,
}: {
  request: TrackedRequest;
  actions?: ReactNode;
}) {
  return (
    <div className="space-y-6">
      <Card title="Where your request stands" id="status">
        {r.status === "cancelled" && (
          <p role="status" className="mb-4 font-medium">
            Your request is cancelled. We sent you a confirmation by email.
          </p>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">Reference</dt>
          <dd className="font-mono">{r.reference}</dd>
          <dt className="font-medium">Request</dt>
          <dd>
            {kindLabel(r.kind)}
            <span className="block text-slate-700">{kindDescription(r.kind)}</span>
          </dd>
          <dt className="font-medium">Status</dt>
          <dd className="flex flex-wrap gap-2">
            <RequestStatusBadge status={r.status} />
            {r.overdue && <OverdueMarker />}
          </dd>
          <dt className="font-medium">Received</dt>
          <dd>{formatDateTime(r.createdAt)}</dd>
          <dt className="font-medium">Due</dt>
          <dd>
            <DueDateLine request={r} />
          </dd>
          {r.details && (
            <>
              <dt className="font-medium">What you wrote</dt>
              <dd className="whitespace-pre-wrap">{r.details}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title="Timeline" id="timeline">
        <RequestTimeline entries={r.timeline} />
      </Card>
      {r.open && actions && (
        <Card title="Add a message or cancel" id="actions">
          {actions}
        </Card>
      )}
    </div>
  );
}
