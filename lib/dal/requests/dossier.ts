import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { privacyRequestEvents, privacyRequests } from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import {
  isOverdue,
  OPEN_STATUSES,
  type RequestKind,
  type RequestStatus,
} from "@/lib/requests/clock";

/**
 * The holder's own requests, for the rights hub and the complaint dossier. Read-only and scoped
 * to the session's user; staff-internal notes never leave here.
 */

export type OpenRequestSummaryDTO = {
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  dueAt: Date;
  overdue: boolean;
};

/** The signed-in holder's open requests, soonest due first (at most 20). */
export async function listMyOpenRequests(): Promise<OpenRequestSummaryDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const r = privacyRequests;
  const rows = await db
    .select({ reference: r.reference, kind: r.kind, status: r.status, dueAt: r.dueAt })
    .from(r)
    .where(and(eq(r.userId, user.id), inArray(r.status, [...OPEN_STATUSES])))
    .orderBy(asc(r.dueAt))
    .limit(20);
  const now = new Date();
  return rows.map((row) => ({ ...row, overdue: isOverdue(row, now) }));
}

export type DossierEventDTO = {
  kind: string;
  note: string | null;
  occurredAt: Date;
  by: "you" | "us" | "unknown";
};

export type DossierRequestDTO = {
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  details: string | null;
  createdAt: Date;
  dueAt: Date;
  extendedAt: Date | null;
  extensionReason: string | null;
  closedAt: Date | null;
  overdue: boolean;
  events: DossierEventDTO[];
};

export type DossierDTO = {
  holder: { name: string; email: string };
  generatedAt: Date;
  requests: DossierRequestDTO[];
};

/** Staff-internal timeline entries: never in what the holder sees or hands to the authority. */
export const INTERNAL_EVENT_KINDS = ["note"];

/**
 * Everything the holder needs to complain to the supervisory authority: each of their requests
 * (newest first, at most 200), its timeline and our answers, without staff-internal notes.
 */
export async function getMyDossier(): Promise<DossierDTO> {
  const { user } = await requireSession();
  const db = await getDb();
  const r = privacyRequests;
  const e = privacyRequestEvents;
  const requests = await db
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
    .where(eq(r.userId, user.id))
    .orderBy(desc(r.createdAt), desc(r.id))
    .limit(200);
  const ids = requests.map((q) => q.id);
  const events = ids.length
    ? await db
        .select({
          requestId: e.requestId,
          kind: e.kind,
          note: e.note,
          occurredAt: e.occurredAt,
          actorId: e.actorId,
        })
        .from(e)
        .where(and(inArray(e.requestId, ids), ne(e.kind, INTERNAL_EVENT_KINDS[0]!)))
        .orderBy(asc(e.occurredAt), asc(e.id))
    : [];
  const now = new Date();
  return {
    holder: { name: user.name, email: user.email },
    generatedAt: now,
    requests: requests.map(({ id, ...q }) => ({
      ...q,
      overdue: isOverdue(q, now),
      events: events
        .filter((ev) => ev.requestId === id && !INTERNAL_EVENT_KINDS.includes(ev.kind))
        .map((ev) => ({
          kind: ev.kind,
          note: ev.note,
          occurredAt: ev.occurredAt,
          by: ev.actorId === user.id ? "you" : ev.actorId ? "us" : "unknown",
        })),
    })),
  };
}
