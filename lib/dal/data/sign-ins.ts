import "server-only";
import { and, eq, gte, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginEvents } from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import { describeUserAgent } from "@/lib/net/user-agent";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type SignInDTO = {
  id: number;
  occurredAt: Date;
  ip: string | null;
  device: string;
  outcome: "success" | "failure";
  reason: string;
  current: boolean;
};

/** Sign-in attempts, newest first, keyset on (occurred_at, id) with microsecond cursors. */
export async function listMySignInPage(input: PageInput): Promise<Page<SignInDTO>> {
  const session = await requireSession();
  const db = await getDb();
  const k = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(loginEvents.occurredAt),
      id: loginEvents.id,
      occurredAt: loginEvents.occurredAt,
      ip: loginEvents.ip,
      userAgent: loginEvents.userAgent,
      outcome: loginEvents.outcome,
      reason: loginEvents.reason,
      sessionId: loginEvents.sessionId,
    })
    .from(loginEvents)
    .where(and(eq(loginEvents.userId, session.user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, (r) => ({
    id: r.id,
    occurredAt: r.occurredAt,
    ip: r.ip,
    device: describeUserAgent(r.userAgent),
    outcome: r.outcome,
    reason: r.reason,
    current: r.sessionId !== null && r.sessionId === session.sessionId,
  }));
}

export type WeeklySignInsDTO = { week: string; success: number; failure: number };

/** Sign-ins per ISO week (Monday, UTC) over the last `weeks` weeks, weeks without any included. */
export async function listMyWeeklySignIns(weeks = 26): Promise<WeeklySignInsDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const monday = (d: Date) => {
    const t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate());
    return new Date(t - ((new Date(t).getUTCDay() + 6) % 7) * 86_400_000);
  };
  const start = new Date(monday(new Date()).getTime() - (weeks - 1) * 7 * 86_400_000);
  const week = sql<string>`to_char(date_trunc('week', ${loginEvents.occurredAt} at time zone 'UTC'), 'YYYY-MM-DD')`;
  const rows = await db
    .select({
      week,
      success: sql<number>`count(*) filter (where ${loginEvents.outcome} = 'success')::int`,
      failure: sql<number>`count(*) filter (where ${loginEvents.outcome} = 'failure')::int`,
    })
    .from(loginEvents)
    .where(and(eq(loginEvents.userId, user.id), gte(loginEvents.occurredAt, start)))
    .groupBy(week);
  const byWeek = new Map(rows.map((r) => [r.week, r]));
  return Array.from({ length: weeks }, (_, i) => {
    const key = new Date(start.getTime() + i * 7 * 86_400_000).toISOString().slice(0, 10);
    const r = byWeek.get(key);
    return { week: key, success: r?.success ?? 0, failure: r?.failure ?? 0 };
  });
}
