import "server-only";
import { and, asc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/db";
import { privacyRequestEvents, privacyRequests, users } from "@/db/schema";
import { cursorKey, keyset, type Page, type PageInput } from "@/lib/dal/data/keyset";
import { requireRole } from "@/lib/dal/session";
import { OPEN_STATUSES, type RequestKind, type RequestStatus } from "@/lib/requests/clock";
import type { QueueFilters } from "@/lib/validation/requests-staff";

/**
 * The staff request queue's reads. Staff only (requireRole("agent"), which admins pass too).
 * Handling requests is staff's job, so these show a request's own fields, its requester's name
 * and email and its whole timeline (internal notes included) — but nothing else of the holder's
 * data, which stays behind a support grant.
 */

export type QueueItemDTO = {
  id: string;
  reference: string;
  kind: RequestKind;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date;
  requesterName: string | null;
  requesterEmail: string | null;
};

export type RequestEventDTO = {
  id: number;
  kind: string;
  note: string | null;
  occurredAt: Date;
  actorName: string | null;
  /** The actor was staff (an internal note is only ever staff's). */
  byStaff: boolean;
};

export type StaffRequestDTO = QueueItemDTO & {
  details: string | null;
  hasAccount: boolean;
  extendedAt: Date | null;
  extensionReason: string | null;
  closedAt: Date | null;
  scheduledFor: Date | null;
  events: RequestEventDTO[];
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const t = privacyRequests;

// The holder's email, or the visitor's address for a request made without an account.
const requesterEmail = sql<string | null>`coalesce(${users.email}, ${t.requesterEmail})`;

const itemColumns = {
  id: t.id,
  reference: t.reference,
  kind: t.kind,
  status: t.status,
  createdAt: t.createdAt,
  dueAt: t.dueAt,
  requesterName: users.name,
  requesterEmail,
};

function filterOf(filters: QueueFilters): SQL | undefined {
  const status =
    filters.status === "all"
      ? undefined
      : filters.status === "open"
        ? inArray(t.status, [...OPEN_STATUSES])
        : eq(t.status, filters.status);
  const q = filters.q?.trim().toLowerCase();
  // A reference is matched whole; an email by its start (wildcards taken literally).
  const search = q
    ? sql`(lower(${t.reference}) = ${q} or lower(${requesterEmail}) like ${
        q.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"
      })`
    : undefined;
  return and(status, filters.kind ? eq(t.kind, filters.kind) : undefined, search);
}

/**
 * The queue, soonest due first (so the overdue ones lead), keyset-paged on (due_at, id).
 * By default the open requests; `filters` narrows by kind, status and requester.
 */
export async function listRequestQueue(
  filters: QueueFilters,
  page: PageInput = {},
): Promise<Page<QueueItemDTO>> {
  await requireRole("agent");
  const db = await getDb();
  const k = keyset(t.dueAt, t.id, "uuid", page, { fallback: 25, max: 100 }, "asc");
  const rows = await db
    .select({ _k: cursorKey(t.dueAt), ...itemColumns })
    .from(t)
    .leftJoin(users, eq(users.id, t.userId))
    .where(and(filterOf(filters), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

const actors = alias(users, "actor");

/** One request with its requester and whole timeline (oldest first), or null. */
export async function getStaffRequest(id: string): Promise<StaffRequestDTO | null> {
  await requireRole("agent");
  if (!UUID.test(id)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      ...itemColumns,
      details: t.details,
      userId: t.userId,
      extendedAt: t.extendedAt,
      extensionReason: t.extensionReason,
      closedAt: t.closedAt,
      scheduledFor: t.scheduledFor,
    })
    .from(t)
    .leftJoin(users, eq(users.id, t.userId))
    .where(eq(t.id, id));
  if (!row) return null;
  const e = privacyRequestEvents;
  const events = await db
    .select({
      id: e.id,
      kind: e.kind,
      note: e.note,
      occurredAt: e.occurredAt,
      actorName: actors.name,
      actorRole: actors.role,
    })
    .from(e)
    .leftJoin(actors, eq(actors.id, e.actorId))
    .where(eq(e.requestId, id))
    .orderBy(asc(e.occurredAt), asc(e.id));
  const { userId, ...rest } = row;
  return {
    ...rest,
    hasAccount: userId !== null,
    events: events.map(({ actorRole, ...ev }) => ({
      ...ev,
      byStaff: actorRole === "agent" || actorRole === "admin",
    })),
  };
}
