import "server-only";
import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { sessions, supportAccessGrants, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { endSession } from "@/lib/dal/auth";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { getCurrentSession, requireRole, requireSession } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { breakGlassStartedMail } from "@/lib/mail/support-templates";
import { impersonationStartedMail } from "@/lib/mail/templates";
import { closeImpersonation, recordStaffEvent } from "./staff-events";
import { accountLocale } from "@/lib/dal/mail/language";

/** The longest a support view lasts; it is never extended, a new one must be opened. */
export const VIEW_MINUTES = 60;

export type OpenViewResult =
  | { ok: true; sessionId: string; expiresAt: Date }
  | { ok: false; reason: "not_found" | "not_allowed" | "no_grant" };

type Staff = { id: string; name: string; role: "user" | "agent" | "admin" };

/**
 * Opens a read-only view of a user's account: a NEW session row for the user, marked with the
 * agent (impersonatorId) and the agent's own session (restored at the end). Its expiry is fixed
 * here: the cap, or the grant's end if sooner. The agent's IP and browser are not stored on it
 * and no sign-in is recorded, so they never show in the user's sign-in history or sessions.
 */
async function openView(
  tx: Tx,
  input: {
    staff: Staff;
    parentSessionId: string;
    target: { id: string; name: string; email: string };
    grant: { id: string; ticketRef: string; expiresAt: Date } | null;
    reason: string;
  },
): Promise<{ sessionId: string; expiresAt: Date }> {
  const now = new Date();
  const cap = now.getTime() + VIEW_MINUTES * 60_000;
  const expiresAt = new Date(input.grant ? Math.min(cap, input.grant.expiresAt.getTime()) : cap);
  const [view] = await tx
    .insert(sessions)
    .values({
      userId: input.target.id,
      impersonatorId: input.staff.id,
      readOnly: true,
      parentSessionId: input.parentSessionId,
      supportGrantId: input.grant?.id ?? null,
      expiresAt,
      device: "Support view (read-only)",
    })
    .returning({ id: sessions.id });
  const sessionId = view!.id;
  const breakGlass = input.grant === null;
  await recordStaffEvent(tx, sessionId, {
    kind: breakGlass ? "break_glass" : "start",
    reason: input.reason,
  });
  const base = {
    appUrl: env.APP_URL,
    name: input.target.name,
    startedAt: now,
    locale: await accountLocale(tx, input.target.id),
  };
  const mail = breakGlass
    ? breakGlassStartedMail({ ...base, adminName: input.staff.name, justification: input.reason })
    : impersonationStartedMail({
        ...base,
        agentName: input.staff.name,
        ticket: input.grant!.ticketRef,
      });
  await enqueueMail(tx, {
    userId: input.target.id,
    kind: breakGlass ? "break_glass" : "impersonation_started",
    to: input.target.email,
    ...mail,
  });
  await writeAudit(tx, {
    actorId: input.staff.id,
    actorRole: input.staff.role === "admin" ? "admin" : "agent",
    subjectId: input.target.id,
    action: breakGlass ? "impersonation.break_glass" : "impersonation.start",
    targetType: "session",
    targetId: sessionId,
    details: {
      grantId: input.grant?.id ?? null,
      ticketRef: input.grant?.ticketRef ?? null,
      reason: input.reason,
    },
  });
  return { sessionId, expiresAt };
}

/** The account to open, if staff may open it at all: a plain user, and not oneself. */
async function targetFor(
  tx: Tx,
  staff: Staff,
  userId: string,
): Promise<
  { error: "not_found" | "not_allowed" } | { target: { id: string; name: string; email: string } }
> {
  const [target] = await tx
    .select({ id: users.id, name: users.name, email: users.email, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!target) return { error: "not_found" };
  if (target.id === staff.id || target.role !== "user") return { error: "not_allowed" };
  return { target };
}

/**
 * Agent console: opens a user's account for a ticket the user granted access for and that is
 * still active. `userId` is a choice among search results, authorised by the user's own grant.
 */
export async function startImpersonation(input: {
  userId: string;
  ticketRef: string;
  reason: string;
}): Promise<OpenViewResult> {
  const staff = await requireRole("agent"); // 404 for non-staff, and from inside a view
  const { sessionId: parentSessionId } = await requireSession();
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OpenViewResult> => {
    const found = await targetFor(tx, staff, input.userId);
    if ("error" in found) return { ok: false, reason: found.error };
    // FOR SHARE: a withdrawal racing with this waits, then ends the view it finds.
    const [grant] = await tx
      .select({
        id: supportAccessGrants.id,
        ticketRef: supportAccessGrants.ticketRef,
        expiresAt: supportAccessGrants.expiresAt,
      })
      .from(supportAccessGrants)
      .where(
        and(
          eq(supportAccessGrants.userId, found.target.id),
          sql`lower(${supportAccessGrants.ticketRef}) = ${input.ticketRef.trim().toLowerCase()}`,
          isNull(supportAccessGrants.revokedAt),
          gt(supportAccessGrants.expiresAt, new Date()),
        ),
      )
      .orderBy(desc(supportAccessGrants.expiresAt))
      .limit(1)
      .for("share");
    if (!grant) return { ok: false, reason: "no_grant" };
    const view = await openView(tx, {
      staff,
      parentSessionId,
      target: found.target,
      grant,
      reason: input.reason,
    });
    return { ok: true, ...view };
  });
  if (result.ok) await flushMailNow();
  return result;
}

/**
 * Admin only, for emergencies: opens an account without a grant. The written justification is
 * stored, audited and mailed to the user at once.
 */
export async function breakGlass(input: {
  userId: string;
  justification: string;
}): Promise<OpenViewResult> {
  const staff = await requireRole("admin");
  const { sessionId: parentSessionId } = await requireSession();
  const db = await getDb();
  const result = await db.transaction(async (tx): Promise<OpenViewResult> => {
    const found = await targetFor(tx, staff, input.userId);
    if ("error" in found) return { ok: false, reason: found.error };
    const view = await openView(tx, {
      staff,
      parentSessionId,
      target: found.target,
      grant: null,
      reason: input.justification,
    });
    return { ok: true, ...view };
  });
  if (result.ok) await flushMailNow();
  return result;
}

/**
 * Ends the support view that `sessionId` (from this browser's signed cookie) belongs to, even
 * if it has just run out, and returns the agent's own session to go back to — or null when
 * there is none left (the agent then signs in again). Not a view: nothing happens.
 */
export async function endImpersonation(
  sessionId: string,
): Promise<{ parentSessionId: string | null } | null> {
  const db = await getDb();
  const [view] = await db
    .select({
      impersonatorId: sessions.impersonatorId,
      parentSessionId: sessions.parentSessionId,
      role: users.role,
      expired: sql<boolean>`${sessions.expiresAt} <= now()`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.impersonatorId))
    .where(eq(sessions.id, sessionId));
  if (!view?.impersonatorId) return null;
  await db.transaction((tx) =>
    closeImpersonation(tx, {
      sessionId,
      revokedReason: view.expired ? "time_limit" : "impersonation_ended",
      note: view.expired ? "The time limit was reached" : "The agent ended the view",
      actor: { id: view.impersonatorId, role: view.role === "admin" ? "admin" : "agent" },
    }),
  );
  if (!view.parentSessionId) return { parentSessionId: null };
  const [parent] = await db
    .select({ id: sessions.id })
    .from(sessions)
    .where(
      and(
        eq(sessions.id, view.parentSessionId),
        eq(sessions.userId, view.impersonatorId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
      ),
    );
  return { parentSessionId: parent?.id ?? null };
}

/**
 * Signing out, whichever way it comes: the app's "Sign out" button or next-auth's own
 * /api/auth/signout (its signOut event hands us the cookie's session id). A support view ends
 * exactly as "End session" ends it — revoked, the holder sees "The agent ended the view", and
 * `impersonation.end` is audited, never an `auth.sign_out` of the holder — and, since signing
 * out leaves this browser without a session, the agent's own session ends with it. Any other
 * session simply ends.
 */
export async function signOutSession(sessionId: string): Promise<void> {
  const ended = await endImpersonation(sessionId);
  if (ended === null) return endSession(sessionId, "signed_out");
  if (ended.parentSessionId) await endSession(ended.parentSessionId, "signed_out");
}

export type ImpersonationBannerDTO = {
  userName: string;
  userEmail: string;
  staffName: string;
  expiresAt: Date;
  breakGlass: boolean;
};

/** What the banner shows while this browser is in a support view; null otherwise. */
export async function getImpersonationBanner(): Promise<ImpersonationBannerDTO | null> {
  const session = await getCurrentSession();
  if (!session?.impersonatorId) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      staffName: users.name,
      expiresAt: sessions.expiresAt,
      grantId: sessions.supportGrantId,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.impersonatorId))
    .where(eq(sessions.id, session.sessionId));
  if (!row) return null;
  return {
    userName: session.user.name,
    userEmail: session.user.email,
    staffName: row.staffName,
    expiresAt: row.expiresAt,
    breakGlass: row.grantId === null,
  };
}
