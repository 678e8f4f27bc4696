import "server-only";
import { and, desc, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { exportHistory } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import type { SessionContext } from "@/lib/dal/session";
import { env } from "@/lib/env";
import type { ExportFormat } from "@/lib/export/manifest";
import { formatDateTime } from "@/lib/format";

// Any constant, shared by every instance; differs from the audit and migration locks.
const EXPORT_LOCK = 7_245_501;
/** A 'running' row older than this was left by a crashed instance and no longer blocks. */
export const STALE_RUNNING_MINUTES = 30;
const DAY_MS = 86_400_000;

export type ExportStart = {
  format: ExportFormat;
  categories: string[];
  rangeFrom: Date | null;
  rangeTo: Date | null;
  ip: string | null;
};

export type ExportRefusal = { reason: "running" | "daily_limit"; retryAt: Date; message: string };

const rows = <T>(result: unknown): T[] =>
  Array.isArray(result) ? result : (result as { rows: T[] }).rows;

/**
 * Claims the user's one export slot and counts it against the daily limit, in one READ
 * COMMITTED transaction serialised per user (so two instances cannot both say yes), with its
 * audit event. Returns the new export's id, or why not and when it will be possible.
 */
export async function beginExport(
  session: SessionContext,
  start: ExportStart,
): Promise<{ id: string } | ExportRefusal> {
  const userId = session.user.id;
  const db = await getDb();
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${EXPORT_LOCK}, hashtext(${userId}))`);
    await tx.execute(sql`update export_history set status = 'failed', finished_at = now(), error = 'interrupted'
      where user_id = ${userId} and status = 'running'
        and started_at < now() - make_interval(mins => ${STALE_RUNNING_MINUTES})`);
    const [running] = await tx
      .select({ startedAt: exportHistory.startedAt })
      .from(exportHistory)
      .where(and(eq(exportHistory.userId, userId), eq(exportHistory.status, "running")));
    if (running) {
      return {
        reason: "running" as const,
        retryAt: new Date(Date.now() + 30_000),
        message:
          "Another export of yours is still downloading. You can start a new one as soon as it finishes.",
      };
    }
    const recent = rows<{ started_at: string | Date }>(
      await tx.execute(sql`select started_at from export_history
        where user_id = ${userId} and started_at > now() - interval '24 hours'
        order by started_at desc offset ${env.EXPORT_DAILY_LIMIT - 1} limit 1`),
    );
    if (recent[0]) {
      const retryAt = new Date(new Date(recent[0].started_at).getTime() + DAY_MS);
      return {
        reason: "daily_limit" as const,
        retryAt,
        message: `You have made ${env.EXPORT_DAILY_LIMIT} exports in the last 24 hours, the most we allow. You can start the next one after ${formatDateTime(retryAt)}.`,
      };
    }
    const [row] = await tx
      .insert(exportHistory)
      .values({
        userId,
        format: start.format,
        categories: start.categories,
        rangeFrom: start.rangeFrom,
        rangeTo: start.rangeTo,
        ip: start.ip,
      })
      .returning({ id: exportHistory.id });
    await auditExport(tx, session, "export.request", row!.id, start.ip, {
      format: start.format,
      categories: start.categories,
    });
    return { id: row!.id };
  });
}

export type ExportOutcome =
  | { status: "completed"; rows: number; bytes: number; sha256: string }
  | { status: "failed"; rows: number | null; bytes: number; sha256: string | null; error: string };

/** Records how the export ended, with its audit event (READ COMMITTED, after the snapshot). */
export async function finishExport(
  session: SessionContext,
  id: string,
  ip: string | null,
  outcome: ExportOutcome,
) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(exportHistory)
      .set({
        status: outcome.status,
        finishedAt: new Date(),
        rows: outcome.rows,
        sizeBytes: outcome.bytes,
        sha256: outcome.sha256,
        error: outcome.status === "failed" ? outcome.error.slice(0, 500) : null,
      })
      .where(and(eq(exportHistory.id, id), eq(exportHistory.userId, session.user.id)));
    await auditExport(
      tx,
      session,
      outcome.status === "completed" ? "export.download" : "export.fail",
      id,
      ip,
      {
        rows: outcome.rows,
        bytes: outcome.bytes,
        sha256: outcome.sha256,
      },
    );
  });
}

async function auditExport(
  tx: Tx,
  session: SessionContext,
  action: string,
  id: string,
  ip: string | null,
  details: Record<string, unknown>,
) {
  await writeAudit(tx, {
    actorId: session.user.id,
    actorRole: session.user.role,
    subjectId: session.user.id,
    action,
    targetType: "export",
    targetId: id,
    ip,
    details,
  });
}

export type ExportHistoryDTO = {
  id: string;
  status: "running" | "completed" | "failed";
  format: ExportFormat;
  categories: string[];
  startedAt: Date;
  finishedAt: Date | null;
  rows: number | null;
  sizeBytes: number | null;
  sha256: string | null;
  ip: string | null;
  error: string | null;
};

/** The signed-in user's exports, newest first (metadata only). */
export async function listExportHistoryFor(
  session: SessionContext,
  limit = 50,
): Promise<ExportHistoryDTO[]> {
  const db = await getDb();
  return db
    .select({
      id: exportHistory.id,
      status: exportHistory.status,
      format: exportHistory.format,
      categories: exportHistory.categories,
      startedAt: exportHistory.startedAt,
      finishedAt: exportHistory.finishedAt,
      rows: exportHistory.rows,
      sizeBytes: exportHistory.sizeBytes,
      sha256: exportHistory.sha256,
      ip: exportHistory.ip,
      error: exportHistory.error,
    })
    .from(exportHistory)
    .where(eq(exportHistory.userId, session.user.id))
    .orderBy(desc(exportHistory.startedAt), desc(exportHistory.id))
    .limit(limit);
}
