import "server-only";
import { and, desc, eq, gt, inArray, isNull } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, type Db, type Tx } from "@/db";
import { sessions, staffAccessEvents, supportAccessGrants, users } from "@/db/schema";
import { writeAudit, type AuditActorRole } from "@/lib/dal/audit";

/**
 * The bookkeeping of an impersonated ("support view") session: the staff-access events the user
 * reads on /account/staff-access, and the checks that end a view the moment it loses its right
 * to exist. Called by the guards in lib/dal/session.ts and by lib/dal/auth.ts, which pass the
 * session they already checked — so nothing here takes a session id from a client.
 */

type Kind = (typeof staffAccessEvents.$inferInsert)["kind"];

/**
 * Appends one staff-access event for an impersonated session, filling in who, grant and ticket.
 * With `unlessRepeat`, nothing is added when the view's latest event is this very one.
 */
export async function recordStaffEvent(
  db: Db | Tx,
  sessionId: string,
  event: { kind: Kind; path?: string | null; reason?: string | null },
  unlessRepeat = false,
): Promise<void> {
  const [ctx] = await db
    .select({
      userId: sessions.userId,
      agentId: sessions.impersonatorId,
      agentDisplayName: users.name,
      grantId: sessions.supportGrantId,
      ticketRef: supportAccessGrants.ticketRef,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.impersonatorId))
    .leftJoin(supportAccessGrants, eq(supportAccessGrants.id, sessions.supportGrantId))
    .where(eq(sessions.id, sessionId));
  if (!ctx) return; // not an impersonation: nothing to show anyone
  if (unlessRepeat) {
    // The holder's events, newest first (their index), narrowed to this view.
    const [last] = await db
      .select({ kind: staffAccessEvents.kind, path: staffAccessEvents.path })
      .from(staffAccessEvents)
      .where(
        and(eq(staffAccessEvents.userId, ctx.userId), eq(staffAccessEvents.sessionId, sessionId)),
      )
      .orderBy(desc(staffAccessEvents.occurredAt), desc(staffAccessEvents.id))
      .limit(1);
    if (last?.kind === event.kind && last.path === (event.path ?? null)) return;
  }
  await db.insert(staffAccessEvents).values({
    ...ctx,
    sessionId,
    kind: event.kind,
    path: event.path ?? null,
    reason: event.reason ?? null,
    // The request's own time, not the transaction's now(): events of one view keep their order.
    occurredAt: new Date(),
  });
}

/** The page a request is for, without its query (cursors and filters are not "pages"). */
function pagePath(headers: Headers): string | null {
  const raw = headers.get("x-pc-path");
  if (!raw || !raw.startsWith("/")) return null;
  return raw.split("?")[0]!.slice(0, 300);
}

/**
 * Records what an impersonated request is served. Every request counts — page loads, client
 * navigations (RSC), router prefetches and server actions alike — because each of them can
 * carry the holder's data to the agent's browser, and whether a request is a prefetch or an
 * action is said by headers the client chooses. The path is the one the proxy stamped from the
 * request URL (x-pc-path), without its query. A repeat of the page this view last recorded
 * (a prefetch followed by the navigation, an action on the page) adds nothing new.
 */
export async function recordImpersonatedRequest(
  sessionId: string,
  headers: Headers,
): Promise<void> {
  const path = pagePath(headers);
  if (!path) return;
  await recordStaffEvent(await getDb(), sessionId, { kind: "page_view", path }, true);
}

/** A write the read-only session tried and was refused, named by its action when known. */
export async function recordRefusedWrite(
  sessionId: string,
  headers: Headers,
  action: string | undefined,
): Promise<void> {
  await recordStaffEvent(await getDb(), sessionId, {
    kind: "write_refused",
    path: pagePath(headers),
    reason: action ?? null,
  });
}

/**
 * Ends an impersonated session (if still open) inside the caller's transaction: revokes the row,
 * records the "end" event the user sees, and audits it. Returns what the caller needs to hand
 * the agent their own session back, or null when it had already ended.
 */
export async function closeImpersonation(
  tx: Tx,
  input: {
    sessionId: string;
    revokedReason: string;
    note: string;
    actor: { id: string | null; role: AuditActorRole };
  },
): Promise<{ userId: string; impersonatorId: string; parentSessionId: string | null } | null> {
  const [ended] = await tx
    .update(sessions)
    .set({ revokedAt: new Date(), revokedReason: input.revokedReason })
    .where(and(eq(sessions.id, input.sessionId), isNull(sessions.revokedAt)))
    .returning({
      userId: sessions.userId,
      impersonatorId: sessions.impersonatorId,
      parentSessionId: sessions.parentSessionId,
    });
  if (!ended?.impersonatorId) return null;
  await recordStaffEvent(tx, input.sessionId, { kind: "end", reason: input.note });
  await writeAudit(tx, {
    actorId: input.actor.id,
    actorRole: input.actor.role,
    subjectId: ended.userId,
    action: "impersonation.end",
    targetType: "session",
    targetId: input.sessionId,
    details: { reason: input.revokedReason },
  });
  return { ...ended, impersonatorId: ended.impersonatorId };
}

/**
 * Called for every request made with an impersonated session (from getLiveSession): the view
 * lives only while the agent's own session lives, the agent is still staff, the user is still
 * a plain user, and — unless an admin broke the glass — the user's grant is neither withdrawn
 * nor over. Otherwise the view is ended here and now, and the request reads as signed out.
 */
export async function impersonationStillAllowed(sessionId: string): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const parent = db
    .select({ id: sessions.id, userId: sessions.userId })
    .from(sessions)
    .where(and(isNull(sessions.revokedAt), gt(sessions.expiresAt, now)))
    .as("parent");
  const target = alias(users, "target");
  const [row] = await db
    .select({
      agentId: parent.userId,
      agentRole: users.role,
      grantId: sessions.supportGrantId,
      grantRevokedAt: supportAccessGrants.revokedAt,
      grantExpiresAt: supportAccessGrants.expiresAt,
      targetRole: target.role,
    })
    .from(sessions)
    .innerJoin(target, eq(target.id, sessions.userId))
    .leftJoin(
      parent,
      and(eq(parent.id, sessions.parentSessionId), eq(parent.userId, sessions.impersonatorId)),
    )
    .leftJoin(users, eq(users.id, sessions.impersonatorId))
    .leftJoin(supportAccessGrants, eq(supportAccessGrants.id, sessions.supportGrantId))
    .where(eq(sessions.id, sessionId));
  if (!row) return false;
  const grantOk =
    row.grantId === null ||
    (row.grantRevokedAt === null && (row.grantExpiresAt?.getTime() ?? 0) > now.getTime());
  const agentOk = row.agentId !== null && (row.agentRole === "agent" || row.agentRole === "admin");
  if (grantOk && agentOk && row.targetRole === "user") return true;
  const note = !grantOk
    ? "The access you gave was withdrawn or ran out"
    : "The agent's own sign-in ended";
  await db.transaction((tx) =>
    closeImpersonation(tx, {
      sessionId,
      revokedReason: grantOk ? "impersonation_invalid" : "grant_ended",
      note,
      actor: { id: null, role: "system" },
    }),
  );
  return false;
}

/** Ends every open view opened under these grants (the user withdrew them). */
export async function closeImpersonationsUnderGrants(
  tx: Tx,
  grantIds: string[],
  actor: { id: string; role: AuditActorRole },
): Promise<number> {
  if (grantIds.length === 0) return 0;
  const open = await tx
    .select({ id: sessions.id })
    .from(sessions)
    .where(and(inArray(sessions.supportGrantId, grantIds), isNull(sessions.revokedAt)));
  for (const s of open) {
    await closeImpersonation(tx, {
      sessionId: s.id,
      revokedReason: "grant_revoked",
      note: "You withdrew the access",
      actor,
    });
  }
  return open.length;
}
