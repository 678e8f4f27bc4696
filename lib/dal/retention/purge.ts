import "server-only";
import { and, asc, eq, gt, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { autoDeleteChoices, processingChoices } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { getCategory, purgePlans, type CategoryId, type PurgeTarget } from "@/lib/catalog";
import { log } from "@/lib/log";
import { allowsAutoDelete, cutoffAfterDays, purgeCutoff } from "@/lib/retention/policy";

/**
 * The retention job (retention.purge, daily): deletes every row past its period, per the
 * catalog (lib/catalog/retention.ts) and each holder's auto-delete choice, with the same
 * cutoff the "why" panels show (lib/retention/policy.ts). It never holds a long lock: rows go
 * in batches of `batchSize`, picked by ctid, each batch its own short transaction; children
 * (print jobs' samples and materials) before their parents so no batch cascades into many
 * rows. One audit event per run says how many rows went from each table; no personal data.
 * Safe to run again at any time: a second run finds nothing left to delete. Holders in an
 * erasure grace period are purged like anyone else; an export reading at the same moment keeps
 * its snapshot (MVCC).
 */

export type PurgeOptions = {
  /** The clock the periods are measured against (tests move it). */
  now?: Date;
  batchSize?: number;
  /** Called after each committed batch (tests use it to watch the batches). */
  afterBatch?: (table: string, rows: number) => void | Promise<void>;
};

export type PurgeResult = { rows: Record<string, number> };

async function rowsOf<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** Deletes the target's rows whose clock is at or before `cutoff` (one holder's, or everyone's). */
async function drain(
  db: Db,
  target: PurgeTarget,
  cutoff: Date,
  userId: string | null,
  opts: Required<Pick<PurgeOptions, "batchSize">> & PurgeOptions & { restrictable?: CategoryId },
): Promise<number> {
  if (userId !== null && !target.owner) return 0;
  const conditions = [sql`${sql.raw(target.clock)} <= ${cutoff.toISOString()}::timestamptz`];
  if (userId !== null) conditions.push(sql`${sql.raw(target.owner!)} = ${userId}::uuid`);
  if (target.where) conditions.push(sql.raw(target.where));
  if (opts.restrictable && target.owner) {
    // A holder who restricted the category (art. 18) asked us to keep it and only keep it,
    // often instead of erasure (to bring a claim): deleting it would be processing too. Their
    // rows wait until the restriction is lifted.
    const pc = processingChoices;
    conditions.push(
      sql`not exists (select 1 from ${pc} where ${pc.userId} = ${sql.raw(target.owner)}
            and ${pc.kind} = 'restriction' and ${pc.scope} = ${opts.restrictable}
            and ${pc.liftedAt} is null)`,
    );
  }
  const table = sql.identifier(target.table);
  let total = 0;
  for (;;) {
    const deleted = await db.transaction(async (tx) => {
      // The guard trigger believes the setting only when it names this very transaction.
      if (target.setting)
        await tx.execute(sql`select set_config(${target.setting}, txid_current()::text, true)`);
      // ctid = any(array(…)) is a TID scan: each batch touches exactly the rows it picked.
      const [row] = await rowsOf<{ n: number | string }>(
        tx,
        sql`with d as (delete from ${table} where ctid = any(array(
              select t.ctid from ${sql.raw(target.from)} where ${sql.join(conditions, sql` and `)}
              limit ${opts.batchSize}))
            returning 1)
            select count(*) as n from d`,
      );
      return Number(row?.n ?? 0);
    });
    total += deleted;
    if (deleted > 0) await opts.afterBatch?.(target.table, deleted);
    if (deleted < opts.batchSize) return total;
  }
}

/** Every holder's auto-delete choice for one category, in pages (keyset on user id). */
async function* choicesOf(db: Db, category: CategoryId) {
  const c = autoDeleteChoices;
  let after: string | null = null;
  for (;;) {
    const page: { userId: string; months: number }[] = await db
      .select({ userId: c.userId, months: c.months })
      .from(c)
      .where(and(eq(c.category, category), after ? gt(c.userId, after) : undefined))
      .orderBy(asc(c.userId))
      .limit(500);
    yield* page;
    if (page.length < 500) return;
    after = page[page.length - 1]!.userId;
  }
}

/** Runs the purge once; returns the rows deleted per table (cascades not counted). */
export async function runRetentionPurge(opts: PurgeOptions = {}): Promise<PurgeResult> {
  const now = opts.now ?? new Date();
  const base = { ...opts, batchSize: opts.batchSize ?? 5000 };
  const db = await getDb();
  const rows: Record<string, number> = {};
  const add = (table: string, n: number) => void (rows[table] = (rows[table] ?? 0) + n);
  const runPlan = async (plan: (typeof purgePlans)[number]) => {
    const category = plan.category ? getCategory(plan.category) : undefined;
    if (plan.category && !category) throw new Error(`retention: no category ${plan.category}`);
    // Everyone: the catalog's period (or the housekeeping period).
    const cutoff = category ? purgeCutoff(category, now) : cutoffAfterDays(now, plan.days ?? 0);
    const o = { ...base, restrictable: category?.restrictable ? category.id : undefined };
    for (const target of plan.targets) {
      add(target.table, cutoff ? await drain(db, target, cutoff, null, o) : 0);
    }
    // Holders who chose a shorter period: their own rows, with their own cutoff.
    if (!category || !allowsAutoDelete(category)) return;
    for await (const choice of choicesOf(db, category.id)) {
      const mine = purgeCutoff(category, now, choice.months);
      if (!mine || (cutoff && mine <= cutoff)) continue;
      for (const target of plan.targets)
        add(target.table, await drain(db, target, mine, choice.userId, o));
    }
  };
  const failed: string[] = [];
  let failure: unknown = null;
  for (const plan of purgePlans) {
    // One plan failing (a lock timeout, a bad row) must not keep every later category past its
    // period until someone fixes it: the others still run, and the run reports the failure.
    try {
      await runPlan(plan);
    } catch (error) {
      failed.push(plan.category ?? plan.targets[0]?.table ?? "unknown");
      failure ??= error;
    }
  }
  // What went is recorded even when a batch failed half-way: those rows are gone either way.
  await db.transaction(async (tx) => {
    await writeAudit(tx, {
      actorId: null,
      actorRole: "system",
      subjectId: null,
      action: "retention.purge",
      targetType: "retention",
      targetId: null,
      details: { asOf: now.toISOString(), rows, ...(failure ? { failed } : {}) },
    });
  });
  if (failure) {
    log.error("retention.purge_failed", { rows, error: failure });
    throw failure;
  }
  log.info("retention.purge", { rows });
  return { rows };
}
