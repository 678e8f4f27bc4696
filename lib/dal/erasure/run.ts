import "server-only";
import { and, eq, inArray, lte, sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { erasureProgress, privacyRequestEvents, privacyRequests, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { eraseAuditPersonalData } from "@/lib/dal/audit/erase";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { addRequestEvent } from "@/lib/dal/requests/core";
import { batchPlan, receiptLines } from "@/lib/erasure/plan";
import { log } from "@/lib/log";
import { erasureReceiptMail } from "@/lib/mail/erasure-templates";
import { OPEN_STATUSES } from "@/lib/requests/clock";
import { accountLocale } from "@/lib/dal/mail/language";

/**
 * The erasure itself, run by the job queue (erasure.run at the end of the grace period, and the
 * erasure.sweep every few minutes), never by a person's request: no session here. It never holds
 * one long transaction: each table's rows go in batches of `batchSize`, each batch in its own
 * short transaction that also adds its count to erasure_progress. A crash loses at most the
 * batch in flight; running again resumes where progress says and the counts stay right. The
 * account row, the audit anonymisation and the request's completion go last, together.
 */

export type RunOptions = {
  now?: Date;
  batchSize?: number;
  /** Called after each committed batch (tests make it throw to simulate a crash). */
  afterBatch?: (table: string, rows: number) => void | Promise<void>;
};

export type RunOutcome =
  | { status: "completed"; rows: Record<string, number> }
  | { status: "not_found" | "not_open" | "not_due" | "already_completed" };

const RECEIPT = "receipt";

async function rowsOf<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

type RequestRow = {
  id: string;
  userId: string | null;
  kind: string;
  status: string;
  reference: string;
  scheduledFor: Date | null;
};

async function lockRequest(tx: Tx, requestId: string): Promise<RequestRow | undefined> {
  const [row] = await tx
    .select({
      id: privacyRequests.id,
      userId: privacyRequests.userId,
      kind: privacyRequests.kind,
      status: privacyRequests.status,
      reference: privacyRequests.reference,
      scheduledFor: privacyRequests.scheduledFor,
    })
    .from(privacyRequests)
    .where(eq(privacyRequests.id, requestId))
    .for("update");
  return row;
}

function refusalOf(row: RequestRow | undefined, now: Date): RunOutcome | null {
  if (!row || row.kind !== "erasure") return { status: "not_found" };
  if (row.status === "completed") return { status: "already_completed" };
  if (!(OPEN_STATUSES as readonly string[]).includes(row.status) || !row.userId)
    return { status: "not_open" };
  if (!row.scheduledFor || row.scheduledFor > now) return { status: "not_due" };
  return null;
}

async function progressOf(
  db: Db,
  requestId: string,
): Promise<Map<string, { rows: number; done: boolean }>> {
  const rows = await db
    .select({ step: erasureProgress.step, rows: erasureProgress.rows, done: erasureProgress.done })
    .from(erasureProgress)
    .where(eq(erasureProgress.requestId, requestId));
  return new Map(rows.map((r) => [r.step, { rows: Number(r.rows), done: r.done }]));
}

async function addProgress(tx: Tx, requestId: string, step: string, rows: number, done: boolean) {
  await tx
    .insert(erasureProgress)
    .values({ requestId, step, rows, done })
    .onConflictDoUpdate({
      target: [erasureProgress.requestId, erasureProgress.step],
      set: {
        rows: sql`${erasureProgress.rows} + ${rows}`,
        done,
        updatedAt: sql`now()`,
      },
    });
}

/** Erases the account behind one erasure request, if it is open and due. Safe to run again. */
export async function runErasure(requestId: string, opts: RunOptions = {}): Promise<RunOutcome> {
  const now = opts.now ?? new Date();
  const batchSize = opts.batchSize ?? 5000;
  const db = await getDb();

  // Start: mark the request in progress (from here on it can no longer be cancelled).
  const start = await db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    const refused = refusalOf(row, now);
    if (refused) return refused;
    if (row!.status === "received") {
      await tx
        .update(privacyRequests)
        .set({ status: "in_progress" })
        .where(eq(privacyRequests.id, requestId));
      await addRequestEvent(tx, { requestId, actorId: null, kind: "erasure_started" });
    }
    return row!;
  });
  if ("status" in start && !("id" in start)) return start;
  const request = start as RequestRow;
  const userId = request.userId!;

  // The batches, children before parents.
  let progress = await progressOf(db, requestId);
  for (const step of batchPlan()) {
    if (progress.get(step.table)?.done) continue;
    for (;;) {
      const deleted = await db.transaction(async (tx) => {
        const table = sql.identifier(step.table);
        const owner = sql.identifier(step.owner);
        // ctid = any(array(…)) is a TID scan: each batch touches exactly the rows it picked.
        const [row] = await rowsOf<{ n: number | string }>(
          tx,
          sql`with d as (delete from ${table} where ctid = any(array(
                select ctid from ${table} where ${owner} = ${userId} limit ${batchSize}))
              returning 1)
              select count(*) as n from d`,
        );
        const n = Number(row?.n ?? 0);
        await addProgress(tx, requestId, step.table, n, n < batchSize);
        return n;
      });
      await opts.afterBatch?.(step.table, deleted);
      if (deleted < batchSize) break;
    }
  }

  // The receipt, queued once, before the account row (and its address) goes. userId null on
  // the outbox row: the cascade from users must not take it.
  progress = await progressOf(db, requestId);
  if (!progress.get(RECEIPT)?.done) {
    await db.transaction(async (tx) => {
      const row = await lockRequest(tx, requestId);
      if (refusalOf(row, now)) return;
      const done = await tx
        .select({ done: erasureProgress.done })
        .from(erasureProgress)
        .where(and(eq(erasureProgress.requestId, requestId), eq(erasureProgress.step, RECEIPT)));
      if (done[0]?.done) return;
      const [holder] = await tx
        .select({ email: users.email, name: users.name })
        .from(users)
        .where(eq(users.id, userId));
      if (!holder) return;
      const counts = await lastStepCounts(tx, userId);
      for (const [step, p] of progress)
        if (step !== RECEIPT) counts[step] = (counts[step] ?? 0) + p.rows;
      const mail = erasureReceiptMail({
        name: holder.name,
        reference: request.reference,
        lines: receiptLines(counts),
        locale: await accountLocale(tx, userId),
      });
      await enqueueMail(tx, { userId: null, kind: "erasure_receipt", to: holder.email, ...mail });
      await addProgress(tx, requestId, RECEIPT, 1, true);
    });
  }

  // Last step, one short transaction: audit anonymised, account row gone (its cascade takes
  // what is left), the request closed.
  return db.transaction(async (tx) => {
    const row = await lockRequest(tx, requestId);
    const refused = refusalOf(row, now);
    if (refused) return refused;
    const counts = await lastStepCounts(tx, userId);
    counts.audit_log = await eraseAuditPersonalData(tx, userId);
    // What the person wrote, and what we wrote back quoting it, goes with them; kind, dates,
    // status and the timeline's shape stay as the proof the rule keeps.
    const theirs = tx
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(eq(privacyRequests.userId, userId));
    await tx
      .update(privacyRequestEvents)
      .set({ note: null })
      .where(inArray(privacyRequestEvents.requestId, theirs));
    await tx
      .update(privacyRequests)
      .set({ requesterEmail: null, details: null, extensionReason: null })
      .where(eq(privacyRequests.userId, userId));
    await tx.delete(users).where(eq(users.id, userId));
    await tx
      .update(privacyRequests)
      .set({ status: "completed", closedAt: sql`now()` })
      .where(eq(privacyRequests.id, requestId));
    await addRequestEvent(tx, { requestId, actorId: null, kind: "erasure_completed" });
    const done = await progressOf(tx as unknown as Db, requestId);
    for (const [step, p] of done) if (step !== RECEIPT) counts[step] = (counts[step] ?? 0) + p.rows;
    await writeAudit(tx, {
      actorId: null,
      actorRole: "system",
      subjectId: null,
      action: "account.erase",
      targetType: "privacy_request",
      targetId: requestId,
      details: { rows: Object.values(counts).reduce((a, b) => a + b, 0) },
    });
    return { status: "completed" as const, rows: counts };
  });
}

/**
 * What the last step touches besides the batched tables: the account row and what its cascade
 * takes (consent events), and the rows it anonymises (the holder's requests and their events).
 */
async function lastStepCounts(tx: Tx, userId: string): Promise<Record<string, number>> {
  const [row] = await rowsOf<Record<string, number | string>>(
    tx,
    sql`select
      (select count(*) from users where id = ${userId}) as users,
      (select count(*) from consent_events where user_id = ${userId}) as consent_events,
      (select count(*) from privacy_requests where user_id = ${userId}) as privacy_requests,
      (select count(*) from privacy_request_events where actor_id = ${userId}) as privacy_request_events,
      (select count(*) from audit_log where actor_id = ${userId} or subject_id = ${userId}) as audit_log`,
  );
  return Object.fromEntries(Object.entries(row ?? {}).map(([k, v]) => [k, Number(v)]));
}

/** Every erasure request still open whose grace period has ended, run one after another. */
export async function runDueErasures(now: Date = new Date()): Promise<RunOutcome[]> {
  const db = await getDb();
  const due = await db
    .select({ id: privacyRequests.id })
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.kind, "erasure"),
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
        lte(privacyRequests.scheduledFor, now),
      ),
    );
  const outcomes: RunOutcome[] = [];
  for (const { id } of due) {
    try {
      outcomes.push(await runErasure(id, { now }));
    } catch (error) {
      // One failing erasure must not hold up the others; the next sweep resumes it.
      log.error("erasure.run_failed", { requestId: id, error });
    }
  }
  return outcomes;
}
