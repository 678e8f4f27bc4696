import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { kindKey, statusKey, statusLowerKey } from "@/components/support/labels";
import { OverdueBadge } from "@/components/support/request-badges";
import { SupportNav } from "@/components/support/support-nav";
import { Card, PageTitle } from "@/components/ui/card";
import { getStaffRequest, type RequestEventDTO } from "@/lib/dal/requests/staff";
import { requireRole } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { addDays, isOpen, latestExtendedDueAt } from "@/lib/requests/clock";
import { getViewerFormat } from "@/lib/i18n/server";
import { ExtendForm, MarkInProgressButton, TextActionForm } from "./request-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.request"))("metaTitle") };
}

const EVENT_KINDS = [
  "received",
  "verified",
  "message",
  "question",
  "note",
  "in_progress",
  "extended",
  "completed",
  "denied",
  "cancelled",
  "reminder_sent",
  "erasure_scheduled",
  "erasure_started",
  "erasure_completed",
] as const;
type EventKind = (typeof EVENT_KINDS)[number];
const eventKey = (kind: string): `events.${EventKind | "other"}` =>
  `events.${(EVENT_KINDS as readonly string[]).includes(kind) ? (kind as EventKind) : "other"}`;

const utcDay = (d: Date) => d.toISOString().slice(0, 10);

export default async function StaffRequestPage(props: { params: Promise<{ id: string }> }) {
  const staff = await requireRole("agent");
  const r = await getStaffRequest((await props.params).id);
  if (!r) notFound();
  const t = await getTranslations("support.request");
  const ts = await getTranslations("support");
  const f = await getViewerFormat();
  const who = (e: RequestEventDTO): string => {
    if (e.byStaff) return e.actorName ? t("staff", { name: e.actorName }) : t("staffAnonymous");
    return e.actorName ?? (e.kind === "received" ? t("requesterWho") : t("system"));
  };
  const now = new Date();
  const open = isOpen(r.status);
  const erasureNeedsAdmin =
    r.kind === "erasure" && staff.role !== "admin" ? t("erasureNeedsAdmin") : undefined;
  const latest = latestExtendedDueAt(r.dueAt, env.REQUEST_MAX_EXTENSION_DAYS);
  const requester = r.requesterName
    ? `${r.requesterName} <${r.requesterEmail}>`
    : (r.requesterEmail ?? ts("queue.erased"));
  return (
    <>
      <SupportNav current="/support/requests" />
      <PageTitle lead={`${ts(kindKey(r.kind))} · ${ts(statusKey(r.status))}`}>
        {t("title", { reference: r.reference })}
      </PageTitle>
      <div className="space-y-6">
        <Card title={t("details")} id="details">
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[max-content_1fr]">
            <dt className="font-medium">{t("kind")}</dt>
            <dd>{ts(kindKey(r.kind))}</dd>
            <dt className="font-medium">{t("status")}</dt>
            <dd>{ts(statusKey(r.status))}</dd>
            <dt className="font-medium">{t("requester")}</dt>
            <dd className="break-words">
              {requester}
              {!r.hasAccount && r.requesterEmail && ` ${t("noAccount")}`}
            </dd>
            <dt className="font-medium">{t("received")}</dt>
            <dd>
              <LocalTime value={r.createdAt} />
            </dd>
            <dt className="font-medium">{t("due")}</dt>
            <dd>
              <LocalTime value={r.dueAt} />
              <OverdueBadge status={r.status} dueAt={r.dueAt} now={now} />
            </dd>
            {r.extendedAt && (
              <>
                <dt className="font-medium">{t("extended")}</dt>
                <dd>
                  <LocalTime value={r.extendedAt} />: {r.extensionReason}
                </dd>
              </>
            )}
            {r.scheduledFor && (
              <>
                <dt className="font-medium">{t("scheduledFor")}</dt>
                <dd>
                  <LocalTime value={r.scheduledFor} />
                </dd>
              </>
            )}
            {r.closedAt && (
              <>
                <dt className="font-medium">{t("closed")}</dt>
                <dd>
                  <LocalTime value={r.closedAt} />
                </dd>
              </>
            )}
            <dt className="font-medium">{t("asked")}</dt>
            <dd className="break-words whitespace-pre-line">{r.details || t("noDetails")}</dd>
          </dl>
        </Card>
        <Card title={t("timeline")} id="timeline">
          <ol className="space-y-3 text-sm">
            {r.events.map((e) => (
              <li
                key={e.id}
                className={`rounded-md border p-3 ${e.kind === "note" ? "border-amber-300 bg-amber-50" : "border-slate-200"}`}
              >
                <p className="font-medium">{t(eventKey(e.kind))}</p>
                <p className="text-slate-700">
                  <LocalTime value={e.occurredAt} /> · {who(e)}
                </p>
                {e.note && <p className="mt-1 break-words whitespace-pre-line">{e.note}</p>}
              </li>
            ))}
          </ol>
        </Card>
        <Card title={t("noteTitle")} id="note">
          <TextActionForm
            requestId={r.id}
            action="note"
            field="note"
            label={t("noteLabel")}
            hint={t("noteHint")}
            submit={t("addNote")}
            busy={t("adding")}
            done={t("noteAdded")}
          />
        </Card>
        {open ? (
          <>
            <Card title={t("askTitle")} id="question">
              <TextActionForm
                requestId={r.id}
                action="question"
                field="question"
                label={t("questionLabel")}
                hint={t("questionHint")}
                submit={t("sendQuestion")}
                busy={t("sending")}
                done={t("questionSent")}
              />
            </Card>
            {r.scheduledFor ? (
              <Card title={t("scheduledTitle")} id="scheduled">
                <p className="text-sm text-slate-700">
                  {t("scheduled", { time: f.dateTime(r.scheduledFor) })}
                </p>
              </Card>
            ) : (
              <>
                {r.status === "received" && (
                  <Card title={t("startTitle")} id="progress">
                    <p className="mb-3 text-sm text-slate-700">{t("startLead")}</p>
                    <MarkInProgressButton requestId={r.id} />
                  </Card>
                )}
                <Card
                  title={r.kind === "erasure" ? t("approveTitle") : t("completeTitle")}
                  id="complete"
                >
                  <TextActionForm
                    requestId={r.id}
                    action="complete"
                    field="answer"
                    label={t("answerLabel")}
                    hint={t("answerHint")}
                    submit={r.kind === "erasure" ? t("approve") : t("complete")}
                    busy={t("completing")}
                    done={t("completed")}
                    disabledReason={erasureNeedsAdmin}
                  />
                </Card>
                <Card title={t("denyTitle")} id="deny">
                  <TextActionForm
                    requestId={r.id}
                    action="deny"
                    field="reason"
                    label={t("denyLabel")}
                    hint={t("sentenceHint")}
                    submit={t("deny")}
                    busy={t("denying")}
                    done={t("denied")}
                    danger
                    disabledReason={erasureNeedsAdmin}
                  />
                </Card>
                <Card title={t("extendTitle")} id="extend">
                  {r.extendedAt ? (
                    <p className="text-sm text-slate-700">{t("alreadyExtended")}</p>
                  ) : (
                    <ExtendForm
                      requestId={r.id}
                      minDate={utcDay(addDays(r.dueAt, 1))}
                      maxDate={utcDay(latest)}
                      range={t("range", {
                        from: f.date(addDays(r.dueAt, 1)),
                        to: f.date(latest),
                      })}
                    />
                  )}
                </Card>
              </>
            )}
          </>
        ) : (
          <p className="text-sm text-slate-700">
            {t("closedNote", { status: ts(statusLowerKey(r.status)) })}
          </p>
        )}
        <p className="text-sm">
          <Link href="/support/requests">{t("back")}</Link>
        </p>
      </div>
    </>
  );
}
