import "server-only";
import { and, eq, inArray, isNull, type SQL } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { privacyRequests, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { requireRole, requireWritable, type CurrentUser } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { AppError, invalidInput } from "@/lib/errors";
import { requestUpdateMail, type RequestUpdateChange } from "@/lib/mail/request-update-templates";
import {
  latestExtendedDueAt,
  OPEN_STATUSES,
  type RequestKind,
  type RequestStatus,
} from "@/lib/requests/clock";
import { formatDate } from "@/lib/format";
import type {
  CompleteInput,
  DenyInput,
  ExtendInput,
  NoteInput,
  ProgressInput,
  QuestionInput,
} from "@/lib/validation/requests-staff";
import { addRequestEvent } from "./core";
import { storedLocale } from "@/lib/dal/mail/language";

/**
 * What staff do to a privacy request. Each action: the staff role (never from inside a support
 * view: requireRole refuses those, and requireWritable would too), one transaction holding a
 * conditional update (two staff acting at once: one wins, the other is told it changed), the
 * timeline event with the staff member as actor, the audit entry ("request.update", {change}),
 * and — for whatever the requester sees — the mail to them. Inputs arrive parsed (zod) by the
 * server actions.
 */

export type RequestChange = "note" | RequestUpdateChange;

type Loaded = {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  dueAt: Date;
  extendedAt: Date | null;
  /** Set for "delete my account": the app itself erases at this time (lib/dal/erasure). */
  scheduledFor: Date | null;
  userId: string | null;
  requesterEmail: string | null;
  holderEmail: string | null;
  holderName: string | null;
};

export class RequestChangedError extends AppError {
  constructor(
    message = "This request was closed or changed meanwhile. Reload the page to see it.",
  ) {
    super({ code: "conflict", status: 409, title: "Request changed", message });
  }
}

/** Erasure is final: only an admin approves or denies one. */
export class ErasureNeedsAdminError extends AppError {
  constructor() {
    super({
      code: "forbidden",
      status: 403,
      title: "Needs an admin",
      message: "Only an admin can approve or deny an erasure request.",
    });
  }
}

/**
 * "Delete my account" runs by itself at the end of its grace period, and only the holder may
 * stop it until then. A staff decision would close it without erasing anything (or, once the run
 * has started, stop it halfway), and "in progress" or an extension would take away the holder's
 * "Keep my account": staff may add notes and ask questions, nothing more.
 */
export class ScheduledErasureError extends AppError {
  constructor() {
    super({
      code: "conflict",
      status: 409,
      title: "Erasure runs by itself",
      message:
        "The account holder asked for this erasure themselves: it runs by itself at the end of the grace period unless they keep their account. Staff cannot mark it in progress, complete, deny or extend it.",
    });
  }
}

function refuseScheduledErasure(r: Loaded): void {
  if (r.scheduledFor) throw new ScheduledErasureError();
}

const t = privacyRequests;
const open = inArray(t.status, [...OPEN_STATUSES]);

async function load(tx: Tx, id: string): Promise<Loaded> {
  const [row] = await tx
    .select({
      id: t.id,
      reference: t.reference,
      kind: t.kind,
      status: t.status,
      dueAt: t.dueAt,
      extendedAt: t.extendedAt,
      scheduledFor: t.scheduledFor,
      userId: t.userId,
      requesterEmail: t.requesterEmail,
      holderEmail: users.email,
      holderName: users.name,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.userId))
    .where(eq(t.id, id));
  if (!row) throw invalidInput("This request does not exist.");
  return row;
}

/** Updates the request only while `condition` still holds; otherwise someone else got there. */
async function updateIf(
  tx: Tx,
  id: string,
  condition: SQL | undefined,
  set: Partial<typeof t.$inferInsert>,
): Promise<{ dueAt: Date }> {
  const [row] = await tx
    .update(t)
    .set(set)
    .where(and(eq(t.id, id), condition))
    .returning({ dueAt: t.dueAt });
  if (!row) throw new RequestChangedError();
  return row;
}

async function record(
  tx: Tx,
  staff: CurrentUser,
  r: Loaded,
  change: RequestChange,
  note: string | null,
  dueAt: Date,
): Promise<void> {
  await addRequestEvent(tx, { requestId: r.id, actorId: staff.id, kind: change, note });
  await writeAudit(tx, {
    actorId: staff.id,
    actorRole: staff.role === "admin" ? "admin" : "agent",
    subjectId: r.userId,
    action: "request.update",
    targetType: "privacy_request",
    targetId: r.id,
    details: { change },
  });
  if (change === "note") return;
  const to = r.holderEmail ?? r.requesterEmail;
  if (!to) return; // the requester was erased: nobody left to tell
  const mail = requestUpdateMail({
    appUrl: env.APP_URL,
    name: r.holderName,
    reference: r.reference,
    kind: r.kind,
    change,
    text: note,
    dueAt,
    hasAccount: r.userId !== null,
    locale: await storedLocale(tx, r.userId),
  });
  await enqueueMail(tx, { userId: r.userId, kind: `request_${change}`, to, ...mail });
}

async function act(
  requestId: string,
  run: (tx: Tx, staff: CurrentUser, r: Loaded) => Promise<RequestStatus>,
): Promise<{ status: RequestStatus }> {
  const staff = await requireRole("agent");
  await requireWritable("request.update");
  const db = await getDb();
  const status = await db.transaction(async (tx) => run(tx, staff, await load(tx, requestId)));
  await flushMailNow();
  return { status };
}

function needsAdminForErasure(staff: CurrentUser, r: Loaded): void {
  if (r.kind === "erasure" && staff.role !== "admin") throw new ErasureNeedsAdminError();
}

/** An internal note: on the timeline for staff, never shown or mailed to the requester. */
export async function addRequestNote(input: NoteInput) {
  return act(input.requestId, async (tx, staff, r) => {
    await record(tx, staff, r, "note", input.note, r.dueAt);
    return r.status;
  });
}

/** A question to the requester, shown in their timeline and mailed. Open requests only. */
export async function askRequester(input: QuestionInput) {
  return act(input.requestId, async (tx, staff, r) => {
    // Touches nothing, but only matches while the request is open (and locks it meanwhile).
    const { dueAt } = await updateIf(tx, r.id, open, { status: r.status });
    await record(tx, staff, r, "question", input.question, dueAt);
    return r.status;
  });
}

export async function markRequestInProgress(input: ProgressInput) {
  return act(input.requestId, async (tx, staff, r) => {
    refuseScheduledErasure(r);
    const { dueAt } = await updateIf(tx, r.id, eq(t.status, "received"), {
      status: "in_progress",
    });
    await record(tx, staff, r, "in_progress", null, dueAt);
    return "in_progress";
  });
}

/** Completes (for erasure: approves) the request with the answer the requester reads. */
export async function completeRequest(input: CompleteInput) {
  return act(input.requestId, async (tx, staff, r) => {
    refuseScheduledErasure(r);
    needsAdminForErasure(staff, r);
    const { dueAt } = await updateIf(tx, r.id, open, { status: "completed", closedAt: new Date() });
    await record(tx, staff, r, "completed", input.answer, dueAt);
    return "completed";
  });
}

export async function denyRequest(input: DenyInput) {
  return act(input.requestId, async (tx, staff, r) => {
    refuseScheduledErasure(r);
    needsAdminForErasure(staff, r);
    const { dueAt } = await updateIf(tx, r.id, open, { status: "denied", closedAt: new Date() });
    await record(tx, staff, r, "denied", input.reason, dueAt);
    return "denied";
  });
}

/** The new due time for an extension: the chosen UTC day, at the current due time of day. */
export function extendedDueAt(current: Date, day: string): Date {
  const [y, m, d] = day.split("-").map(Number) as [number, number, number];
  const at = new Date(current);
  at.setUTCFullYear(y, m - 1, d);
  return at;
}

/**
 * The one extension a request may have: a reason the requester reads, and a new due date after
 * the current one and at most REQUEST_MAX_EXTENSION_DAYS after it (the original: there has been
 * no extension yet).
 */
export async function extendRequest(input: ExtendInput) {
  return act(input.requestId, async (tx, staff, r) => {
    refuseScheduledErasure(r);
    if (r.extendedAt) throw new RequestChangedError("This request has already been extended once.");
    const dueAt = extendedDueAt(r.dueAt, input.dueDate);
    const latest = latestExtendedDueAt(r.dueAt, env.REQUEST_MAX_EXTENSION_DAYS);
    if (dueAt.getTime() <= r.dueAt.getTime() || dueAt.getTime() > latest.getTime()) {
      const range = `after ${formatDate(r.dueAt)} and no later than ${formatDate(latest)}`;
      throw invalidInput(`Choose a due date ${range}.`, {
        dueDate: [`Choose a date ${range}`],
      });
    }
    await updateIf(tx, r.id, and(open, isNull(t.extendedAt)), {
      status: "extended",
      extendedAt: new Date(),
      extensionReason: input.reason,
      dueAt,
    });
    await record(tx, staff, r, "extended", input.reason, dueAt);
    return "extended";
  });
}
