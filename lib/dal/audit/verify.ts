import "server-only";
import { and, asc, desc, eq, gt, lt, or, type SQL } from "drizzle-orm";
// lib/audit is part of the data layer (see write.ts).
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { computeAuditHash, GENESIS_HASH } from "./chain";

export type AuditChainBreak = {
  id: number;
  /**
   * prev_hash_mismatch: the row does not link to the row before it (that row was deleted, or
   * links were rewritten). hash_mismatch: the row's own hashed fields were altered.
   * missing_row: the first row does not start from GENESIS_HASH — the head was deleted.
   */
  reason: "prev_hash_mismatch" | "hash_mismatch" | "missing_row";
  expected: string;
  found: string;
};

export type AuditChainResult =
  | { ok: true; checked: number; lastHash: string }
  | { ok: false; checked: number; brokenAt: AuditChainBreak };

/**
 * Walks the whole audit log in id order, in keyset batches (memory stays flat however long the
 * log), recomputing every hash; reports the first broken link. `checked` counts rows found
 * intact. Gaps in ids are fine (a rolled-back write skips one): only the chain counts.
 *
 * A chain rewritten from the altered row onwards, or cut off at the end, still verifies: compare
 * `lastHash` with a copy kept outside the database to catch that.
 */
export async function verifyAuditChain(
  db: Db,
  opts: { batchSize?: number } = {},
): Promise<AuditChainResult> {
  const batchSize = opts.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be ≥ 1");
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let afterId: number | undefined;
  for (;;) {
    const rows = await db
      .select({
        id: auditLog.id,
        occurredAt: auditLog.occurredAt,
        actorRole: auditLog.actorRole,
        action: auditLog.action,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(afterId === undefined ? undefined : gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      if (row.prevHash !== prevHash) {
        const brokenAt: AuditChainBreak = {
          id: row.id,
          reason: checked === 0 ? "missing_row" : "prev_hash_mismatch",
          expected: prevHash,
          found: row.prevHash,
        };
        return { ok: false, checked, brokenAt };
      }
      const expected = computeAuditHash(prevHash, row);
      if (expected !== row.hash) {
        const reason = "hash_mismatch";
        return { ok: false, checked, brokenAt: { id: row.id, reason, expected, found: row.hash } };
      }
      prevHash = row.hash;
      checked++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) return { ok: true, checked, lastHash: prevHash };
    afterId = last.id;
  }
}

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

export type AuditCursor = { occurredAt: Date; id: number };

export type AuditEventFilter = {
  action?: string;
  subjectId?: string;
  actorId?: string;
  /** The `next` cursor of the previous page. */
  before?: AuditCursor;
  /** Page size, 1–200 (default 50). */
  limit?: number;
};

/**
 * One page of audit events, newest first (occurred_at desc, id desc), for the admin audit page.
 * No authorisation here: the caller must have checked the admin role. Leaves out ip and the
 * hashes. Cursor times are milliseconds, which is what writeAudit stores.
 */
export async function listAuditEvents(
  db: Db,
  filter: AuditEventFilter,
): Promise<{ items: AuditEventDTO[]; next: AuditCursor | null }> {
  const limit = Math.min(Math.max(Math.trunc(filter.limit ?? 50), 1), 200);
  const conditions: (SQL | undefined)[] = [
    filter.action === undefined ? undefined : eq(auditLog.action, filter.action),
    filter.subjectId === undefined ? undefined : eq(auditLog.subjectId, filter.subjectId),
    filter.actorId === undefined ? undefined : eq(auditLog.actorId, filter.actorId),
  ];
  if (filter.before) {
    const { occurredAt, id } = filter.before;
    conditions.push(
      or(
        lt(auditLog.occurredAt, occurredAt),
        and(eq(auditLog.occurredAt, occurredAt), lt(auditLog.id, id)),
      ),
    );
  }
  const rows = await db
    .select({
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
    .orderBy(desc(auditLog.occurredAt), desc(auditLog.id))
    .limit(limit + 1); // one extra row tells whether there is a next page
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last ? { occurredAt: last.occurredAt, id: last.id } : null;
  return { items, next };
}
