import "server-only";
import { asc, gt } from "drizzle-orm";
// lib/audit is part of the data layer (see write.ts).
import type { Db } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  computeKeyedAuditHash,
  computeLegacyAuditHash,
  computePersonalDigest,
  GENESIS_HASH,
} from "./chain";
import {
  defaultCheckpointFile,
  readLatestCheckpoint,
  writeAuditCheckpoint,
  type AuditCheckpoint,
} from "./checkpoint";
import { auditKey } from "./key";

export type AuditChainBreak = {
  /** The row that broke (for checkpoint_missing: the checkpointed row that is gone). */
  id: number;
  /**
   * missing_row: the first row does not start from GENESIS_HASH — the head was deleted.
   * prev_hash_mismatch: the row does not link to the row before it (that row was deleted, or
   * links were rewritten). hash_mismatch: a field the hash covers was altered (or the hash was
   * recomputed without the key, or verification uses another key). personal_mismatch: actor,
   * subject, ip or details no longer match the row's kept digest. legacy_after_keyed: a row
   * without a digest after the keyed chain began (a digest was removed). checkpoint_mismatch /
   * checkpoint_missing: the row recorded in the latest checkpoint has another hash / is gone
   * (rows at the end of the log were deleted or rewritten).
   */
  reason:
    | "missing_row"
    | "prev_hash_mismatch"
    | "hash_mismatch"
    | "personal_mismatch"
    | "legacy_after_keyed"
    | "checkpoint_mismatch"
    | "checkpoint_missing";
  expected: string;
  found: string;
  /** One sentence for people: which row, and why. */
  message: string;
};

export type AuditChainResult = {
  ok: boolean;
  /** Rows walked. */
  checked: number;
  /** The newest row walked and its stored hash (GENESIS_HASH and null on an empty log). */
  lastId: number | null;
  lastHash: string;
  /** Every break found, in id order (checkpoint breaks last), at most MAX_REPORTED_BREAKS. */
  breaks: AuditChainBreak[];
  /** Breaks found beyond those listed. */
  moreBreaks: number;
  /** Rows from before the keyed chain (no personal digest): they come first, if at all. */
  legacy: { rows: number; firstId: number; lastId: number } | null;
  /** The checkpoint compared against (null: none recorded yet, or no checkpoint file). */
  checkpoint: AuditCheckpoint | null;
};

export const MAX_REPORTED_BREAKS = 100;

/**
 * Walks the whole audit log in id order, in keyset batches (memory stays flat however long the
 * log), and reports every row that broke and why. Each row is checked on its own: its link to
 * the row before (prev_hash = that row's stored hash), its own hash (keyed; legacy rows unkeyed)
 * and its personal fields against the kept digest (erased rows must hold none). Gaps in ids are
 * fine (a rolled-back write skips one): only the chain counts.
 *
 * A chain cut off at the end, or rewritten to the end by someone holding the key, still links
 * up: the latest checkpoint (checkpoint.ts) catches that — its row must still exist with the
 * same hash. An intact log then gets a new checkpoint of its head (`recordCheckpoint`).
 */
export async function verifyAuditChain(
  db: Db,
  opts: {
    batchSize?: number;
    /** Default: auditKey(). */
    key?: Buffer;
    /** Default: defaultCheckpointFile(); null: compare with no checkpoint and record none. */
    checkpointFile?: string | null;
    /** Append a checkpoint of the head when the log is intact (default true). */
    recordCheckpoint?: boolean;
  } = {},
): Promise<AuditChainResult> {
  const batchSize = opts.batchSize ?? 1000;
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error("batchSize must be ≥ 1");
  const key = opts.key ?? auditKey();
  const checkpointFile =
    opts.checkpointFile === undefined ? defaultCheckpointFile() : opts.checkpointFile;
  const checkpoint = await readLatestCheckpoint(checkpointFile);

  const breaks: AuditChainBreak[] = [];
  let found = 0;
  const report = (b: AuditChainBreak) => {
    found++;
    if (breaks.length < MAX_REPORTED_BREAKS) breaks.push(b);
  };
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let lastId: number | null = null;
  let keyedSeen = false;
  const legacy = { rows: 0, firstId: 0, lastId: 0 };
  let checkpointSeen = false;
  let afterId: number | undefined;
  for (;;) {
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
        ip: auditLog.ip,
        details: auditLog.details,
        personalSalt: auditLog.personalSalt,
        personalDigest: auditLog.personalDigest,
        prevHash: auditLog.prevHash,
        hash: auditLog.hash,
      })
      .from(auditLog)
      .where(afterId === undefined ? undefined : gt(auditLog.id, afterId))
      .orderBy(asc(auditLog.id))
      .limit(batchSize);
    for (const row of rows) {
      const { id } = row;
      if (row.prevHash !== prevHash) {
        const first = checked === 0;
        report({
          id,
          reason: first ? "missing_row" : "prev_hash_mismatch",
          expected: prevHash,
          found: row.prevHash,
          message: first
            ? `Row ${id} is the first row but does not start the chain: the rows before it were deleted.`
            : `Row ${id} does not link to row ${lastId}: a row between them was deleted, or links were rewritten.`,
        });
      }
      const digest = row.personalDigest;
      if (digest === null) {
        if (keyedSeen) {
          report({
            id,
            reason: "legacy_after_keyed",
            expected: "a personal digest",
            found: "none",
            message: `Row ${id} has no personal digest although the keyed chain began before it: its digest was removed.`,
          });
        } else {
          if (legacy.rows === 0) legacy.firstId = id;
          legacy.rows++;
          legacy.lastId = id;
          const expected = computeLegacyAuditHash(row.prevHash, row);
          if (expected !== row.hash) {
            report({
              id,
              reason: "hash_mismatch",
              expected,
              found: row.hash,
              message: `Row ${id} (legacy) was altered after it was written: its action, actor role, target or time changed.`,
            });
          }
        }
      } else {
        keyedSeen = true;
        const expected = computeKeyedAuditHash(key, row.prevHash, {
          ...row,
          personalDigest: digest,
        });
        if (expected !== row.hash) {
          report({
            id,
            reason: "hash_mismatch",
            expected,
            found: row.hash,
            message: `Row ${id} was altered after it was written (or is checked with another key): a field its hash covers changed.`,
          });
        }
        if (row.personalSalt === null) {
          const present = [row.actorId, row.subjectId, row.ip, row.details].some((v) => v !== null);
          if (present) {
            report({
              id,
              reason: "personal_mismatch",
              expected: "no personal fields (erased row)",
              found: "personal fields",
              message: `Row ${id} was erased but holds personal fields again: they were written after erasure.`,
            });
          }
        } else {
          const recomputed = computePersonalDigest(key, row.personalSalt, row);
          if (recomputed !== digest) {
            report({
              id,
              reason: "personal_mismatch",
              expected: digest,
              found: recomputed,
              message: `Row ${id}'s actor, subject, IP or details were altered after it was written.`,
            });
          }
        }
      }
      if (checkpoint && id === checkpoint.id) {
        checkpointSeen = true;
        if (row.hash !== checkpoint.hash) {
          report({
            id,
            reason: "checkpoint_mismatch",
            expected: checkpoint.hash,
            found: row.hash,
            message: `Row ${id} differs from the checkpoint of ${checkpoint.at}: the log was rewritten from there on.`,
          });
        }
      }
      prevHash = row.hash;
      lastId = id;
      checked++;
    }
    const last = rows.at(-1);
    if (!last || rows.length < batchSize) break;
    afterId = last.id;
  }
  if (checkpoint && !checkpointSeen) {
    report({
      id: checkpoint.id,
      reason: "checkpoint_missing",
      expected: checkpoint.hash,
      found: "",
      message:
        lastId === null || lastId < checkpoint.id
          ? `Row ${checkpoint.id}, recorded in the checkpoint of ${checkpoint.at}, is gone: the log ends at ${lastId === null ? "no row" : `row ${lastId}`}, so the rows after it were deleted.`
          : `Row ${checkpoint.id}, recorded in the checkpoint of ${checkpoint.at}, was deleted.`,
    });
  }
  const result: AuditChainResult = {
    ok: found === 0,
    checked,
    lastId,
    lastHash: prevHash,
    breaks,
    moreBreaks: found - breaks.length,
    legacy: legacy.rows > 0 ? legacy : null,
    checkpoint,
  };
  if (result.ok && lastId !== null && opts.recordCheckpoint !== false) {
    await writeAuditCheckpoint({ id: lastId, hash: prevHash }, checkpointFile);
  }
  return result;
}
