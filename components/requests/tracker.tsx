import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/i18n/local-time";
import { Card } from "@/components/ui/card";
import { DueDateLine } from "./due-date-line";
import { OverdueMarker, RequestStatusBadge } from "./status-badge";
import { RequestTimeline, type TimelineEntry } from "./timeline";
import { requestWord } from "./words";

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
  const t = useTranslations("requests");
  return (
    <div className="space-y-6">
      <Card title={t("tracker.stands")} id="status">
        {r.status === "cancelled" && (
          <p role="status" className="mb-4 font-medium">
            {t("tracker.cancelledNote")}
          </p>
        )}
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium">{t("tracker.reference")}</dt>
          <dd className="font-mono break-all">{r.reference}</dd>
          <dt className="font-medium">{t("tracker.request")}</dt>
          <dd>
            {requestWord(t, "kind", r.kind)}
            <span className="block text-slate-700">
              {requestWord(t, "kind", r.kind, "description")}
            </span>
          </dd>
          <dt className="font-medium">{t("tracker.status")}</dt>
          <dd className="flex flex-wrap gap-2">
            <RequestStatusBadge status={r.status} />
            {r.overdue && <OverdueMarker />}
          </dd>
          <dt className="font-medium">{t("tracker.received")}</dt>
          <dd>
            <LocalTime value={r.createdAt} />
          </dd>
          <dt className="font-medium">{t("tracker.due")}</dt>
          <dd>
            <DueDateLine request={r} />
          </dd>
          {r.details && (
            <>
              <dt className="font-medium">{t("tracker.wrote")}</dt>
              <dd className="break-words whitespace-pre-wrap">{r.details}</dd>
            </>
          )}
        </dl>
      </Card>
      <Card title={t("tracker.timeline")} id="timeline">
        <RequestTimeline entries={r.timeline} />
      </Card>
      {r.open && actions && (
        <Card title={t("tracker.actions")} id="actions">
          {actions}
        </Card>
      )}
    </div>
  );
}
