import "server-only";
import { and, asc, eq, gt, type SQL } from "drizzle-orm";
// lib/audit is part of the data layer (see write.ts).
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import { cursorKey, keyset, type Page } from "@/lib/dal/data/keyset";
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

export type AuditEventFilter = {
  action?: string;
  subjectId?: string;
  actorId?: string;
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
