import "server-only";
import { randomBytes } from "node:crypto";
import { desc, sql, type SQL } from "drizzle-orm";
// lib/audit is part of the data layer: it writes inside the caller's transaction.
import type { Db, Tx } from "@/db/client";
import { auditLog } from "@/db/schema";
import {
  assertAuditAction,
  assertAuditActorRole,
  type AuditAction,
  type AuditActorRole,
} from "./action-names";
import {
  computeKeyedAuditHash,
  computePersonalDigest,
  GENESIS_HASH,
  normaliseDetails,
} from "./chain";
import { defaultCheckpointFile, writeAuditCheckpoint } from "./checkpoint";
import { auditKey } from "./key";

export type AuditEvent = {
  actorId: string | null;
  actorRole: AuditActorRole;
  subjectId?: string | null;
  // Any dotted name is accepted at runtime; the union only offers autocomplete.
  action: AuditAction | (string & {});
  targetType?: string | null;
  targetId?: string | null;
  ip?: string | null;
  details?: Record<string, unknown> | null;
  occurredAt?: Date;
};

// Any constant will do, as long as every app instance uses the same one (and it differs from
// db/migrate.ts's MIGRATION_LOCK).
const AUDIT_CHAIN_LOCK = 7_245_120;

// A checkpoint of the chain head (checkpoint.ts) is written by an audit write once this many
// writes or this much time have passed since this process's last one, and on every verification.
// It records the head as it was before the write — a committed row, never one that may still roll
// back — so the rows between two checkpoints are the ones a deletion at the end could hide.
const CHECKPOINT_EVERY_WRITES = 100;
const CHECKPOINT_EVERY_MS = 5 * 60_000;
const checkpointState = { writes: 0, at: 0 };

// Isolation levels under which each statement sees rows committed before it started.
const FRESH_SNAPSHOT_LEVELS = new Set(["read committed", "read uncommitted"]);

/** Rows of tx.execute: postgres.js returns an array, PGlite an object with `rows`. */
async function executeRows<T>(tx: Tx, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Appends one event to the audit chain, inside the caller's transaction: if this throws, the
 * caller's mutation rolls back with it, and an audit row never outlives a rolled-back mutation.
 *
 * Appends are serialised by a transaction-scoped advisory lock, held until the caller commits —
 * so call this as the LAST statement of the transaction to keep the serialised part short.
 * The id is drawn from the identity sequence while holding the lock, so id order is chain order
 * (the verifier walks ids) and the id can be hashed before the row exists. Every field is
 * covered: the personal ones through a keyed digest (chain.ts), the rest by the keyed hash.
 */
export async function writeAudit(tx: Tx, event: AuditEvent): Promise<{ id: number; hash: string }> {
  assertAuditAction(event.action);
  assertAuditActorRole(event.actorRole);
  if (event.occurredAt && Number.isNaN(event.occurredAt.getTime())) {
    throw new Error("writeAudit: invalid occurredAt");
  }

  const [state] = await executeRows<{ isolation: string }>(
    tx,
    sql`select current_setting('transaction_isolation') as isolation,
               pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})::text as locked`,
  );
  // Under REPEATABLE READ / SERIALIZABLE the snapshot may predate the lock, so the last row read
  // below could be stale and the chain would fork — which verify then reports as tampering.
  if (!state || !FRESH_SNAPSHOT_LEVELS.has(state.isolation)) {
    throw new Error(`writeAudit needs a READ COMMITTED transaction, not ${state?.isolation}`);
  }

  const [last] = await tx
    .select({ id: auditLog.id, hash: auditLog.hash })
    .from(auditLog)
    .orderBy(desc(auditLog.id))
    .limit(1);
  const prevHash = last?.hash ?? GENESIS_HASH;
  // PostgreSQL keeps microseconds, a JS Date milliseconds: the column's default now() would be
  // read back truncated and no longer hash the same. A time set here (a copy, at ms precision)
  // is stored exactly as hashed; taken under the lock, it also rises with the ids.
  const occurredAt = new Date(event.occurredAt ?? Date.now());

  const [next] = await executeRows<{ id: string | number }>(
    tx,
    sql`select nextval(pg_get_serial_sequence('audit_log', 'id')) as id`,
  );
  const id = Number(next?.id);
  if (!Number.isSafeInteger(id)) throw new Error("writeAudit: could not allocate an id");

  const key = auditKey();
  const personal = {
    actorId: event.actorId,
    subjectId: event.subjectId ?? null,
    ip: event.ip ?? null,
    // Stored as the database will give it back, so the digest recomputes the same.
    details: normaliseDetails(event.details),
  };
  const personalSalt = randomBytes(16).toString("hex");
  const row = {
    id,
    occurredAt,
    actorRole: event.actorRole,
    action: event.action,
    targetType: event.targetType ?? null,
    targetId: event.targetId ?? null,
    personalDigest: computePersonalDigest(key, personalSalt, personal),
  };
  const hash = computeKeyedAuditHash(key, prevHash, row);
  await tx
    .insert(auditLog)
    .overridingSystemValue()
    .values({ ...row, ...personal, personalSalt, prevHash, hash });

  checkpointState.writes++;
  const now = Date.now();
  if (
    last &&
    (checkpointState.writes >= CHECKPOINT_EVERY_WRITES ||
      now - checkpointState.at >= CHECKPOINT_EVERY_MS)
  ) {
    checkpointState.writes = 0;
    checkpointState.at = now;
    await writeAuditCheckpoint(last, defaultCheckpointFile());
  }
  return { id, hash };
}

/**
 * Runs `fn` and writes its audit event in one transaction; either both commit or neither.
 * `event` may be a function of fn's result (e.g. to log the id of a row fn created).
 */
export async function withAudit<T>(
  db: Db,
  event: AuditEvent | ((result: T) => AuditEvent),
  fn: (tx: Tx) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    const result = await fn(tx);
    await writeAudit(tx, typeof event === "function" ? event(result) : event);
    return result;
  });
}
