import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { OverdueBadge } from "@/components/support/request-badges";
import { SupportNav } from "@/components/support/support-nav";
import { Card, PageTitle } from "@/components/ui/card";
import { getStaffRequest, type RequestEventDTO } from "@/lib/dal/requests/staff";
import { requireRole } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { formatDate, formatDateTime } from "@/lib/format";
import { addDays, isOpen, latestExtendedDueAt } from "@/lib/requests/clock";
import { kindLabel, statusLabel } from "@/lib/requests/kinds";
import { ExtendForm, MarkInProgressButton, TextActionForm } from "./request-forms";

export const metadata: Metadata = { title: "Work a request" };

const EVENT_LABELS: Record<string, string> = {
  received: "Request received",
  verified: "Email address confirmed (not an identity check)",
  message: "Message from the requester",
  question: "Question to the requester",
  note: "Internal note (not shown to the requester)",
  in_progress: "Marked in progress",
  extended: "Deadline extended",
  completed: "Completed",
  denied: "Denied",
  cancelled: "Cancelled",
  reminder_sent: "Reminder sent",
  erasure_scheduled: "Erasure scheduled",
  erasure_started: "Erasure started",
  erasure_completed: "Erasure completed",
};

function who(e: RequestEventDTO): string {
  if (e.byStaff) return e.actorName ? `${e.actorName} (staff)` : "Staff";
  return e.actorName ?? (e.kind === "received" ? "Requester" : "System");
}

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export default async function StaffRequestPage(props: { params: Promise<{ id: string }> }) {
  const staff = await requireRole("agent");
  const r = await getStaffRequest((await props.params).id);
  if (!r) notFound();
  const now = new Date();
  const open = isOpen(r.status);
  const erasureNeedsAdmin =
    r.kind === "erasure" && staff.role !== "admin"
      ? "Only an admin can approve or deny an erasure request."
      : undefined;
  const latest = latestExtendedDueAt(r.dueAt, env.REQUEST_MAX_EXTENSION_DAYS);
  const requester = r.requesterName
    ? `${r.requesterName} <${r.requesterEmail}>`
    : (r.requesterEmail ?? "Erased requester");
  return (
    <>
      <SupportNav current="/support/requests" />
      <PageTitle lead={`${kindLabel(r.kind)} · ${statusLabel(r.status)}`}>
        Request {r.reference}
      </PageTitle>
      <div className="space-y-6">
        <Card title="Details" id="details">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">Kind</dt>
            <dd>{kindLabel(r.kind)}</dd>
            <dt className="font-medium">Status</dt>
            <dd>{statusLabel(r.status)}</dd>
            <dt className="font-medium">Requester</dt>
            <dd>
              {requester}
              {!r.hasAccount && r.requesterEmail && " (no account: made through the public form)"}
            </dd>
            <dt className="font-medium">Received</dt>
            <dd>{formatDateTime(r.createdAt)}</dd>
            <dt className="font-medium">Due</dt>
            <dd>
              {formatDateTime(r.dueAt)}
              <OverdueBadge status={r.status} dueAt={r.dueAt} now={now} />
            </dd>
            {r.extendedAt && (
              <>
                <dt className="font-medium">Extended</dt>
                <dd>
                  {formatDateTime(r.extendedAt)}: {r.extensionReason}
                </dd>
              </>
            )}
            {r.scheduledFor && (
              <>
                <dt className="font-medium">Erasure scheduled for</dt>
                <dd>{formatDateTime(r.scheduledFor)}</dd>
              </>
            )}
            {r.closedAt && (
              <>
                <dt className="font-medium">Closed</dt>
                <dd>{formatDateTime(r.closedAt)}</dd>
              </>
            )}
            <dt className="font-medium">What they asked</dt>
            <dd className="whitespace-pre-line">{r.details || "No details given."}</dd>
          </dl>
        </Card>
        <Card title="Timeline" id="timeline">
          <ol className="space-y-3 text-sm">
            {r.events.map((e) => (
              <li
                key={e.id}
                className={`rounded-md border p-3 ${e.kind === "note" ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}
              >
                <p className="font-medium">{EVENT_LABELS[e.kind] ?? e.kind}</p>
                <p className="text-slate-700">
                  {formatDateTime(e.occurredAt)} · {who(e)}
                </p>
                {e.note && <p className="mt-1 whitespace-pre-line">{e.note}</p>}
              </li>
            ))}
          </ol>
        </Card>
        <Card title="Internal note" id="note">
          <TextActionForm
            requestId={r.id}
            action="note"
            field="note"
            label="Note for staff"
            hint="Not shown on the requester's timeline or mailed to them. Like everything we hold about a person, it is in their data export: write it as if they will read it."
            submit="Add note"
            busy="Adding…"
            done="Note added."
          />
        </Card>
        {open ? (
          <>
            <Card title="Ask the requester" id="question">
              <TextActionForm
                requestId={r.id}
                action="question"
                field="question"
                label="Question for the requester"
                hint="Shown in their request and sent to them by email."
                submit="Send question"
                busy="Sending…"
                done="Question sent."
              />
            </Card>
            {r.scheduledFor ? (
              <Card title="Runs by itself" id="scheduled">
                <p className="text-sm text-slate-700">
                  The account holder asked for this erasure themselves. It runs by itself on{" "}
                  {formatDateTime(r.scheduledFor)} unless they keep their account; until then only
                  they can stop it. Staff cannot mark it in progress, complete, deny or extend it.
                </p>
              </Card>
            ) : (
              <>
                {r.status === "received" && (
                  <Card title="Start work" id="progress">
                    <p className="mb-3 text-sm text-slate-700">
                      Tells the requester that someone is working on it.
                    </p>
                    <MarkInProgressButton requestId={r.id} />
                  </Card>
                )}
                <Card
                  title={r.kind === "erasure" ? "Approve the erasure" : "Complete"}
                  id="complete"
                >
                  <TextActionForm
                    requestId={r.id}
                    action="complete"
                    field="answer"
                    label="Answer to the requester"
                    hint="What was done. Shown in their request and sent by email."
                    submit={r.kind === "erasure" ? "Approve and complete" : "Complete the request"}
                    busy="Completing…"
                    done="Request completed."
                    disabledReason={erasureNeedsAdmin}
                  />
                </Card>
                <Card title="Deny" id="deny">
                  <TextActionForm
                    requestId={r.id}
                    action="deny"
                    field="reason"
                    label="Reason for denying"
                    hint="At least one full sentence. The requester will read it."
                    submit="Deny the request"
                    busy="Denying…"
                    done="Request denied."
                    danger
                    disabledReason={erasureNeedsAdmin}
                  />
                </Card>
                <Card title="Extend the deadline" id="extend">
                  {r.extendedAt ? (
                    <p className="text-sm text-slate-700">
                      This request has already been extended once; it cannot be extended again.
                    </p>
                  ) : (
                    <ExtendForm
                      requestId={r.id}
                      minDate={utcDay(addDays(r.dueAt, 1))}
                      maxDate={utcDay(latest)}
                      range={`Once only. Between ${formatDate(addDays(r.dueAt, 1))} and ${formatDate(latest)}.`}
                    />
                  )}
                </Card>
              </>
            )}
          </>
        ) : (
          <p className="text-sm text-slate-700">
            This request is {statusLabel(r.status).toLowerCase()}: nothing more to decide.
          </p>
        )}
        <p className="text-sm">
          <Link href="/support/requests">Back to the queue</Link>
        </p>
      </div>
    </>
  );
}
