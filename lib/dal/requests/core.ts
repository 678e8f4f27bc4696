import "server-only";
import type { Db, Tx } from "@/db";
import { privacyRequestEvents, privacyRequests } from "@/db/schema";
import { env } from "@/lib/env";
import { dueAtFor, newRequestReference, type RequestKind } from "@/lib/requests/clock";

/**
 * What every privacy request shares, whoever files it (the holder, a visitor through the public
 * form, the app itself for "delete my account"): a reference, a due date from the configured
 * clock, and a timeline that starts with "received". Callers pass their transaction so that the
 * request, its first event, the audit entry and the receipt mail commit together.
 */

/** Timeline event kinds. Open like audit actions; these are the ones the app writes. */
export type RequestEventKind =
  | "received"
  | "verified"
  | "message"
  | "question"
  | "note"
  | "in_progress"
  | "extended"
  | "completed"
  | "denied"
  | "cancelled"
  | "reminder_sent"
  | "erasure_scheduled"
  | "erasure_started"
  | "erasure_completed"
  | (string & {});

export type OpenRequestInput = {
  kind: RequestKind;
  /** The holder; null for a visitor without an account (then requesterEmail is set). */
  userId: string | null;
  requesterEmail?: string | null;
  details?: string | null;
  /** Who filed it, for the timeline: the holder, or null for a visitor or the system. */
  actorId: string | null;
  receivedAt?: Date;
  /** Erasure: when the grace period ends. */
  scheduledFor?: Date | null;
};

export type OpenedRequest = { id: string; reference: string; dueAt: Date; createdAt: Date };

export async function openRequest(tx: Tx | Db, input: OpenRequestInput): Promise<OpenedRequest> {
  const receivedAt = input.receivedAt ?? new Date();
  const [row] = await tx
    .insert(privacyRequests)
    .values({
      reference: newRequestReference(),
      userId: input.userId,
      requesterEmail: input.requesterEmail ?? null,
      kind: input.kind,
      details: input.details ?? null,
      createdAt: receivedAt,
      dueAt: dueAtFor(receivedAt, env.REQUEST_DUE_DAYS),
      scheduledFor: input.scheduledFor ?? null,
    })
    .returning({
      id: privacyRequests.id,
      reference: privacyRequests.reference,
      dueAt: privacyRequests.dueAt,
      createdAt: privacyRequests.createdAt,
    });
  if (!row) throw new Error("openRequest: insert returned no row");
  await addRequestEvent(tx, {
    requestId: row.id,
    actorId: input.actorId,
    kind: "received",
    occurredAt: receivedAt,
  });
  return row;
}

export async function addRequestEvent(
  tx: Tx | Db,
  e: {
    requestId: string;
    actorId: string | null;
    kind: RequestEventKind;
    note?: string | null;
    occurredAt?: Date;
  },
): Promise<void> {
  await tx.insert(privacyRequestEvents).values({
    requestId: e.requestId,
    actorId: e.actorId,
    kind: e.kind,
    note: e.note ?? null,
    ...(e.occurredAt ? { occurredAt: e.occurredAt } : {}),
  });
}
