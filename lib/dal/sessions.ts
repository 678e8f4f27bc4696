import "server-only";
import { and, desc, eq, gt, gte, isNull, ne } from "drizzle-orm";
import { getDb } from "@/db";
import { accessTokens, loginEvents, sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { recheckPassword, type RecheckResult } from "@/lib/dal/auth";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { securityReportMail } from "@/lib/mail/templates";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { listMySignInPage, type SignInDTO } from "./data/sign-ins";
import type { Page, PageInput } from "./data/keyset";
import { issueLinkToken } from "./tokens";
import { passwordResetMail } from "@/lib/mail/account-templates";
import { accountLocale } from "@/lib/dal/mail/language";

export type SessionDTO = {
  id: string;
  device: string;
  ip: string | null;
  createdAt: Date;
  lastSeenAt: Date;
  current: boolean;
};

/** The signed-in user's active sessions, newest first, the current one marked. */
export async function listMySessions(): Promise<SessionDTO[]> {
  const session = await requireSession();
  const db = await getDb();
  const rows = await db
    .select({
      id: sessions.id,
      device: sessions.device,
      ip: sessions.ip,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, session.user.id),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, new Date()),
        isNull(sessions.impersonatorId),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.id));
  return rows.map((r) => ({
    ...r,
    device: r.device ?? "Unknown device",
    current: r.id === session.sessionId,
  }));
}

async function revokeWhere(reason: string, only?: string): Promise<number> {
  const session = await requireWritable("session.revoke");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(
        and(
          eq(sessions.userId, session.user.id),
          isNull(sessions.revokedAt),
          only ? eq(sessions.id, only) : ne(sessions.id, session.sessionId),
        ),
      )
      .returning({ id: sessions.id });
    if (revoked.length > 0) {
      await writeAudit(tx, {
        actorId: session.user.id,
        actorRole: session.user.role,
        subjectId: session.user.id,
        action: "session.revoke",
        targetType: "session",
        targetId: only ?? null,
        details: { count: revoked.length, reason },
      });
    }
    return revoked.length;
  });
}

/** Ends one of the user's sessions. Another user's session id simply matches nothing. */
export async function revokeMySession(sessionId: string): Promise<boolean> {
  return (await revokeWhere("revoked_by_user", sessionId)) === 1;
}

/** "Sign out everywhere else". */
export async function revokeMyOtherSessions(): Promise<number> {
  return revokeWhere("signed_out_elsewhere");
}

export type SignInEventDTO = SignInDTO;

/**
 * The user's sign-in history, newest first: the keyset pages of lib/dal/data/sign-ins.ts
 * (microsecond cursors, so attempts in the same millisecond are neither skipped nor repeated).
 */
export async function listMySignIns(input: PageInput = {}): Promise<Page<SignInEventDTO>> {
  return listMySignInPage(input);
}

/**
 * "This wasn't me" about a sign-in: every session ends (this one too), the password must be
 * replaced through an emailed link before the next sign-in, and the report is audited.
 */
export async function reportSignInNotMe(eventId: number): Promise<boolean> {
  const session = await requireWritable("auth.reported_not_me");
  const db = await getDb();
  const now = new Date();
  const ended = await db.transaction(async (tx) => {
    const [event] = await tx
      .select({ id: loginEvents.id, occurredAt: loginEvents.occurredAt, ip: loginEvents.ip })
      .from(loginEvents)
      .where(and(eq(loginEvents.id, eventId), eq(loginEvents.userId, session.user.id)));
    if (!event) return null;
    const revoked = await tx
      .update(sessions)
      .set({ revokedAt: now, revokedReason: "reported_not_me" })
      .where(and(eq(sessions.userId, session.user.id), isNull(sessions.revokedAt)))
      .returning({ id: sessions.id });
    // Access tokens made since that sign-in may be the intruder's way back in (a read scope
    // outlives every session): they stop working too, whatever their scopes.
    const tokensRevoked = await tx
      .update(accessTokens)
      .set({ revokedAt: now })
      .where(
        and(
          eq(accessTokens.userId, session.user.id),
          isNull(accessTokens.revokedAt),
          gte(accessTokens.createdAt, event.occurredAt),
        ),
      )
      .returning({ id: accessTokens.id });
    const [user] = await tx
      .update(users)
      .set({ mustChangePassword: true, updatedAt: now })
      .where(eq(users.id, session.user.id))
      .returning({ email: users.email, name: users.name });
    const what = { signInAt: event.occurredAt, ip: event.ip };
    const report = securityReportMail({
      appUrl: env.APP_URL,
      name: user!.name,
      reportedAt: now,
      what,
      sessionsEnded: revoked.length,
      tokensRevoked: tokensRevoked.length,
      locale: await accountLocale(tx, session.user.id),
    });
    await enqueueMail(tx, {
      userId: session.user.id,
      kind: "security_report",
      to: user!.email,
      ...report,
    });
    const token = await issueLinkToken(tx, {
      userId: session.user.id,
      purpose: "reset_password",
      hours: 2,
    });
    const reset = passwordResetMail({
      appUrl: env.APP_URL,
      name: user!.name,
      token,
      expiresInHours: 2,
      locale: await accountLocale(tx, session.user.id),
    });
    await enqueueMail(tx, {
      userId: session.user.id,
      kind: "reset_password",
      to: user!.email,
      ...reset,
    });
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "auth.reported_not_me",
      targetType: "login_event",
      targetId: String(event.id),
      details: { sessionsEnded: revoked.length, tokensRevoked: tokensRevoked.length },
    });
    return revoked.length;
  });
  if (ended === null) return false;
  await flushMailNow();
  return true;
}

/**
 * Step-up: the password, entered again, unlocks sensitive actions for a few minutes. Wrong
 * passwords spend the account's sign-in budget; past it the session ends ("signed_out").
 */
export async function reauthenticate(password: string): Promise<RecheckResult> {
  // Refused in a support view: it writes to the session, and would let an agent try passwords.
  const session = await requireWritable("auth.reauthenticate");
  const outcome = await recheckPassword(session, password);
  if (outcome !== "ok") return outcome;
  const db = await getDb();
  await db
    .update(sessions)
    .set({ reauthenticatedAt: new Date() })
    .where(eq(sessions.id, session.sessionId));
  return "ok";
}
