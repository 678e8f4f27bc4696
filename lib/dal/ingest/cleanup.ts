import "server-only";
import { lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { ingestIdempotency, ingestRateWindows } from "@/db/schema";

/** How long a stored answer replays, and how long a spent rate window is kept. */
export const IDEMPOTENCY_KEEP_HOURS = 24;
export const RATE_WINDOW_KEEP_HOURS = 1;

/**
 * Deletes idempotency answers older than a day and rate windows older than an hour (the
 * hourly `ingest.cleanup` job). Neither holds what a printer sent: answers are ids and counts.
 */
export async function cleanupIngest(): Promise<{ answers: number; windows: number }> {
  const db = await getDb();
  const answers = await db
    .delete(ingestIdempotency)
    .where(
      lt(
        ingestIdempotency.createdAt,
        sql`now() - make_interval(hours => ${IDEMPOTENCY_KEEP_HOURS})`,
      ),
    )
    .returning({ key: ingestIdempotency.key });
  const windows = await db
    .delete(ingestRateWindows)
    .where(
      lt(
        ingestRateWindows.windowStart,
        sql`now() - make_interval(hours => ${RATE_WINDOW_KEEP_HOURS})`,
      ),
    )
    .returning({ at: ingestRateWindows.windowStart });
  return { answers: answers.length, windows: windows.length };
}
