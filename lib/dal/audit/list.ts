import "server-only";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
// lib/audit is part of the data layer (see write.ts).
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { cursorKey, keyset, type Page } from "@/lib/dal/data/keyset";

export type AuditEventDTO = {
  id: number;
  occurredAt: Date;
  actorId: string | null;
  actorRole: string;
  subjectId: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: Record<string, unknown> | null;
};

export type AuditEventFilter = {
  action?: string;
  subjectId?: string;
  actorId?: string;
  /** Events at or after this instant. */
  from?: Date;
  /** Events before this instant. */
  to?: Date;
  /** The `next` cursor of the previous page (older events). */
  after?: string;
  /** The `prev` cursor of the next page (newer events). */
  before?: string;
  /** Page size, 1–200 (default 50). */
  limit?: number;
};

/**
 * One page of audit events, newest first (occurred_at desc, id desc), for the admin audit page.
 * No authorisation here: the caller must have checked the admin role. Leaves out ip and the
 * hashes. Paged through lib/dal/data/keyset.ts; a malformed cursor gives the first page.
 */
export async function listAuditEvents(
  db: Db,
  filter: AuditEventFilter,
): Promise<Page<AuditEventDTO>> {
  const k = keyset(auditLog.occurredAt, auditLog.id, "bigint", filter, { fallback: 50, max: 200 });
  const conditions: (SQL | undefined)[] = [
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.subjectId === undefined ? undefined : eq(auditLog.subjectId, filter.subjectId),
    filter.actorId === undefined ? undefined : eq(auditLog.actorId, filter.actorId),
    filter.from === undefined ? undefined : gte(auditLog.occurredAt, filter.from),
    filter.to === undefined ? undefined : lt(auditLog.occurredAt, filter.to),
    k.where,
  ];
  const rows = await db
    .select({
      _k: cursorKey(auditLog.occurredAt),
      id: auditLog.id,
      occurredAt: auditLog.occurredAt,
      actorId: auditLog.actorId,
      actorRole: auditLog.actorRole,
      subjectId: auditLog.subjectId,
      action: auditLog.action,
      targetType: auditLog.targetType,
      targetId: auditLog.targetId,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
