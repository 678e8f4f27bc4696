import "server-only";
import { and, asc, eq, inArray, ne, type SQL } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { privacyRequestEvents, privacyRequests, users } from "@/db/schema";
import { writeAudit, type AuditActorRole } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { env } from "@/lib/env";
import { accountLocale } from "@/lib/dal/mail/language";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { requestCancelledMail } from "@/lib/mail/request-templates";
import { isOpen, isOverdue, OPEN_STATUSES } from "@/lib/requests/clock";
import type { TimelineWho } from "@/lib/requests/kinds";
import { addRequestEvent } from "./core";

/**
 * The tracker of one request, shared by the holder's page (scoped by their session) and the
 * public tracker (scoped by a signed token): callers pass the `where` that proves the requester
 * may see it, so a request outside that scope reads as "not found", never as "forbidden".
 */

export type TimelineEntryDTO = {
  id: number;
  kind: string;
  who: TimelineWho;
  note: string | null;
  occurredAt: Date;
};

export type RequestTrackerDTO = {
  id: string;
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
  timeline: TimelineEntryDTO[];
};

/** Staff-internal events the requester never sees. */
const INTERNAL_EVENTS = ["note"];

// Events a visitor (no account, so no actor id) makes themselves.
const VISITOR_EVENTS = new Set(["received", "verified", "message", "cancelled"]);

/** Who an event is from, as the requester sees it. `requesterId` is null for a visitor. */
export function whoOf(
  actorId: string | null,
  kind: string,
  requesterId: string | null,
): TimelineWho {
  if (requesterId) return actorId === requesterId ? "you" : actorId ? "team" : "system";
  return actorId ? "team" : VISITOR_EVENTS.has(kind) ? "you" : "system";
}

const r = privacyRequests;

export async function readTracker(
  db: Db | Tx,
  where: SQL | undefined,
  requesterId: string | null,
  now = new Date(),
): Promise<RequestTrackerDTO | null> {
  const [row] = await db
    .select({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      status: r.status,
      details: r.details,
      createdAt: r.createdAt,
      dueAt: r.dueAt,
      extendedAt: r.extendedAt,
      extensionReason: r.extensionReason,
      closedAt: r.closedAt,
    })
    .from(r)
    .where(where);
  if (!row) return null;
  const e = privacyRequestEvents;
  const events = await db
    .select({ id: e.id, kind: e.kind, actorId: e.actorId, note: e.note, occurredAt: e.occurredAt })
    .from(e)
    .where(and(eq(e.requestId, row.id), ne(e.kind, INTERNAL_EVENTS[0]!)))
    .orderBy(asc(e.occurredAt), asc(e.id));
  return {
    ...row,
    open: isOpen(row.status),
    overdue: isOverdue(row, now),
    timeline: events.map(({ actorId, ...ev }) => ({
      ...ev,
      who: whoOf(actorId, ev.kind, requesterId),
    })),
  };
}

export type Actor = {
  actorId: string | null;
  actorRole: AuditActorRole;
  subjectId: string | null;
  ip: string | null;
};

export type ChangeOutcome = "ok" | "not_found" | "closed";

/** A message from the requester, while the request is open. */
export async function addRequesterMessage(
  tx: Tx,
  where: SQL | undefined,
  actor: Actor,
  message: string,
): Promise<ChangeOutcome> {
  const [row] = await tx.select({ id: r.id, status: r.status }).from(r).where(where).for("update");
  if (!row) return "not_found";
  if (!isOpen(row.status)) return "closed";
  await addRequestEvent(tx, {
    requestId: row.id,
    actorId: actor.actorId,
    kind: "message",
    note: message,
  });
  await writeAudit(tx, {
    actorId: actor.actorId,
    actorRole: actor.actorRole,
    subjectId: actor.subjectId,
    action: "request.message",
    targetType: "privacy_request",
    targetId: row.id,
    ip: actor.ip,
  });
  return "ok";
}

/**
 * Cancels an open request. The status check is in the UPDATE itself, so of two concurrent
 * cancels one changes the row and the other finds it closed: one event, one mail.
 */
export async function cancelRequest(
  tx: Tx,
  where: SQL | undefined,
  actor: Actor,
  trackerPath: (reference: string) => string,
  /** The language for a requester without an account (read before the transaction). */
  visitorLanguage: Locale = defaultLocale,
): Promise<ChangeOutcome> {
  const now = new Date();
  const [row] = await tx
    .update(r)
    .set({ status: "cancelled", closedAt: now })
    .where(and(where, inArray(r.status, [...OPEN_STATUSES])))
    .returning({
      id: r.id,
      reference: r.reference,
      kind: r.kind,
      userId: r.userId,
      requesterEmail: r.requesterEmail,
    });
  if (!row) {
    const [exists] = await tx.select({ id: r.id }).from(r).where(where);
    return exists ? "closed" : "not_found";
  }
  await addRequestEvent(tx, {
    requestId: row.id,
    actorId: actor.actorId,
    kind: "cancelled",
    occurredAt: now,
  });
  await writeAudit(tx, {
    actorId: actor.actorId,
    actorRole: actor.actorRole,
    subjectId: actor.subjectId,
    action: "request.cancel",
    targetType: "privacy_request",
    targetId: row.id,
    ip: actor.ip,
  });
  const to = await recipientOf(tx, row);
  if (to) {
    const mail = requestCancelledMail({
      appUrl: env.APP_URL,
      name: to.name,
      reference: row.reference,
      kind: row.kind,
      trackerPath: trackerPath(row.reference),
      locale: row.userId ? await accountLocale(tx, row.userId) : visitorLanguage,
    });
    await enqueueMail(tx, { userId: row.userId, kind: "request_cancelled", to: to.email, ...mail });
  }
  return "ok";
}

async function recipientOf(
  tx: Tx,
  row: { userId: string | null; requesterEmail: string | null },
): Promise<{ email: string; name: string | null } | null> {
  if (!row.userId) return row.requesterEmail ? { email: row.requesterEmail, name: null } : null;
  const [user] = await tx
    .select({ email: users.email, name: users.name })
    .from(users)
    .where(eq(users.id, row.userId));
  return user ?? null;
}
