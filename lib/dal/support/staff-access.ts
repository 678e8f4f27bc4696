import "server-only";
import { and, asc, eq, inArray } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, staffAccessEvents } from "@/db/schema";
import { cursorKey, keyset, type Page, type PageInput } from "@/lib/dal/data/keyset";
import { requireSession } from "@/lib/dal/session";

/**
 * One support view of the signed-in user's account, as they see it on "Access by our staff":
 * who, when, for which ticket and why, and every page looked at or change refused.
 */
export type StaffVisitDTO = {
  id: number;
  agentName: string;
  breakGlass: boolean;
  ticketRef: string | null;
  reason: string | null;
  startedAt: Date;
  /** When it ended; null while it is still open. */
  endedAt: Date | null;
  endNote: string | null;
  pages: { path: string; at: Date }[];
  refused: { action: string | null; path: string | null; at: Date }[];
};

/**
 * The user's support views, newest first, keyset-paginated (lib/dal/data/keyset.ts, microsecond
 * cursors) on the start event's (occurred_at, id) — served by staff_access_events_user_time_idx —
 * with each view's events.
 */
export async function listMyStaffAccess(input: PageInput = {}): Promise<Page<StaffVisitDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const e = staffAccessEvents;
  const k = keyset(e.occurredAt, e.id, "bigint", input, { fallback: 10, max: 50 });
  const starts = await db
    .select({
      _k: cursorKey(e.occurredAt),
      id: e.id,
      agentName: e.agentDisplayName,
      kind: e.kind,
      ticketRef: e.ticketRef,
      reason: e.reason,
      startedAt: e.occurredAt,
      sessionId: e.sessionId,
      revokedAt: sessions.revokedAt,
      expiresAt: sessions.expiresAt,
    })
    .from(e)
    .leftJoin(sessions, eq(sessions.id, e.sessionId))
    .where(and(eq(e.userId, user.id), inArray(e.kind, ["start", "break_glass"]), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  const page = k.page(starts, (s) => s);
  const sessionIds = page.items.flatMap((s) => (s.sessionId ? [s.sessionId] : []));
  const events = sessionIds.length
    ? await db
        .select({
          sessionId: e.sessionId,
          kind: e.kind,
          path: e.path,
          reason: e.reason,
          at: e.occurredAt,
        })
        .from(e)
        .where(
          and(
            eq(e.userId, user.id),
            inArray(e.sessionId, sessionIds),
            inArray(e.kind, ["page_view", "write_refused", "end"]),
          ),
        )
        .orderBy(asc(e.occurredAt), asc(e.id))
    : [];
  const now = Date.now();
  const items = page.items.map((s): StaffVisitDTO => {
    const mine = events.filter((ev) => ev.sessionId !== null && ev.sessionId === s.sessionId);
    const end = mine.find((ev) => ev.kind === "end");
    // Without an "end" event (the agent just closed the browser) the view ended at its cap.
    const lapsed = s.expiresAt && s.expiresAt.getTime() <= now ? s.expiresAt : null;
    return {
      id: s.id,
      agentName: s.agentName,
      breakGlass: s.kind === "break_glass",
      ticketRef: s.ticketRef,
      reason: s.reason,
      startedAt: s.startedAt,
      endedAt: end?.at ?? s.revokedAt ?? lapsed,
      endNote: end?.reason ?? (lapsed ? "The time limit was reached" : null),
      pages: mine.flatMap((ev) =>
        ev.kind === "page_view" && ev.path ? [{ path: ev.path, at: ev.at }] : [],
      ),
      refused: mine.flatMap((ev) =>
        ev.kind === "write_refused" ? [{ action: ev.reason, path: ev.path, at: ev.at }] : [],
      ),
    };
  });
  return { ...page, items };
}
