import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginEvents, sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_LIMITS, IP_LIMITS } from "@/lib/auth/throttle-policy";
import { getRequestMeta } from "@/lib/auth/request";
import { SESSION_DAYS } from "@/lib/auth/cookies";
import { describeUserAgent } from "@/lib/net/user-agent";
import { impersonationStillAllowed } from "./support/staff-events";
import {
  throttleKey,
  throttleLock,
  throttleRefund,
  throttleReset,
  throttleTake,
  type Budget,
} from "./throttle";

export type SignInResult =
  | { ok: true; userId: string; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date }
  | { ok: false; reason: "unverified" | "reset_required" };

// Verifying against a real hash when the account does not exist keeps both answers equally slow.
let dummyHash: Promise<string> | undefined;
const timingDecoy = () => (dummyHash ??= hashPassword("timing-decoy-never-a-real-password"));

/**
 * Checks a sign-in attempt and, if it succeeds, opens a session. Runs before anyone is signed
 * in, so the subject is the email given; every checked attempt against an existing account is
 * recorded in its sign-in history. Unknown email and wrong password give the same answer.
 *
 * The attempt is counted against the account and the IP before the password is checked (see
 * throttleTake), so parallel requests cannot check more passwords than the budget. A blocked
 * attempt does nothing else: it never looks the account up, so it costs the same whether the
 * account exists or not, and writes no history or audit row (the throttle row counts it).
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<SignInResult> {
  const db = await getDb();
  const now = new Date();
  const account: Budget = { key: throttleKey.account(input.email), limits: ACCOUNT_LIMITS };
  const ip: Budget | null = input.ip ? { key: throttleKey.ip(input.ip), limits: IP_LIMITS } : null;

  const taken = await db.transaction((tx) => throttleTake(tx, ip ? [account, ip] : [account], now));
  if (!taken.ok) return { ok: false, reason: "throttled", retryAt: taken.retryAt };

  const [user] = await db
    .select({
      id: users.id,
      role: users.role,
      passwordHash: users.passwordHash,
      emailVerifiedAt: users.emailVerifiedAt,
      mustChangePassword: users.mustChangePassword,
    })
    .from(users)
    .where(sql`lower(${users.email}) = ${input.email.trim().toLowerCase()}`);

  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDecoy(), input.password), false);

  const event = { ip: input.ip, userAgent: input.userAgent };
  if (!user || !passwordOk) {
    if (user) await recordAttempt(user, "failure", "bad_password", event);
    return { ok: false, reason: "invalid" };
  }
  // The right password gives back the attempt counted in advance.
  const refund = () =>
    db.transaction(async (tx) => {
      await throttleLock(tx, ip ? [account.key, ip.key] : [account.key]);
      await throttleRefund(tx, account);
      if (ip) await throttleRefund(tx, ip);
    });
  if (!user.emailVerifiedAt) {
    await refund();
    await recordAttempt(user, "failure", "unverified", event);
    return { ok: false, reason: "unverified" };
  }
  if (user.mustChangePassword) {
    await refund();
    await recordAttempt(user, "failure", "reset_required", event);
    return { ok: false, reason: "reset_required" };
  }

  const sessionId = await db.transaction(async (tx) => {
    await throttleLock(tx, ip ? [account.key, ip.key] : [account.key]);
    await throttleReset(tx, account.key);
    if (ip) await throttleRefund(tx, ip);
    if (user.passwordHash && needsRehash(user.passwordHash)) {
      await tx
        .update(users)
        .set({ passwordHash: await hashPassword(input.password) })
        .where(eq(users.id, user.id));
    }
    const [session] = await tx
      .insert(sessions)
      .values({
        userId: user.id,
        expiresAt: new Date(now.getTime() + SESSION_DAYS * 86_400_000),
        ip: input.ip,
        userAgent: input.userAgent,
        device: describeUserAgent(input.userAgent),
      })
      .returning({ id: sessions.id });
    const id = session!.id;
    await tx.insert(loginEvents).values({
      userId: user.id,
      ip: input.ip,
      userAgent: input.userAgent,
      outcome: "success",
      reason: "ok",
      sessionId: id,
    });
    await writeAudit(tx, {
      actorId: user.id,
      actorRole: user.role,
      subjectId: user.id,
      action: "auth.sign_in",
      targetType: "session",
      targetId: id,
      ip: input.ip,
    });
    return id;
  });
  return { ok: true, userId: user.id, sessionId };
}

export type RecheckResult = "ok" | "wrong_password" | "signed_out";

/**
 * The password entered again by someone already signed in (step-up, password change). It spends
 * the same account budget as signing in, counted before the check; each wrong password is in
 * the sign-in history as a failed re-authentication, and once the budget is spent the session
 * ends, so a stolen session cannot be used to guess the password.
 */
export async function recheckPassword(
  session: SessionContext,
  password: string,
): Promise<RecheckResult> {
  const db = await getDb();
  const now = new Date();
  const account: Budget = { key: throttleKey.account(session.user.email), limits: ACCOUNT_LIMITS };
  const event = await getRequestMeta();
  const taken = await db.transaction((tx) => throttleTake(tx, [account], now));
  if (!taken.ok) {
    await endSession(session.sessionId, "too_many_password_attempts");
    return "signed_out";
  }
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, session.user.id));
  if (row?.passwordHash && (await verifyPassword(row.passwordHash, password))) {
    await db.transaction((tx) => throttleReset(tx, account.key));
    return "ok";
  }
  await db.transaction(async (tx) => {
    await tx.insert(loginEvents).values({
      userId: session.user.id,
      outcome: "failure",
      reason: "reauth_failed",
      sessionId: session.sessionId,
      ...event,
    });
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "auth.sign_in_failed",
      targetType: "session",
      targetId: session.sessionId,
      ip: event.ip,
      details: { reason: "reauth_failed" },
    });
  });
  // This wrong password spent the last free attempt: the session ends now.
  if (taken.states[0]?.blockedUntil) {
    await endSession(session.sessionId, "too_many_password_attempts");
    return "signed_out";
  }
  return "wrong_password";
}

async function recordAttempt(
  user: { id: string; role: "user" | "agent" | "admin" },
  outcome: "failure",
  reason: string,
  event: { ip: string | null; userAgent: string | null },
) {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.insert(loginEvents).values({ userId: user.id, outcome, reason, ...event });
    await writeAudit(tx, {
      actorId: null,
      actorRole: "anonymous",
      subjectId: user.id,
      action: "auth.sign_in_failed",
      targetType: "user",
      targetId: user.id,
      ip: event.ip,
      details: { reason },
    });
  });
}

export type SessionContext = {
  sessionId: string;
  createdAt: Date;
  reauthenticatedAt: Date | null;
  readOnly: boolean;
  impersonatorId: string | null;
  user: {
    id: string;
    email: string;
    name: string;
    role: "user" | "agent" | "admin";
    language: "en" | "nl";
  };
};

/**
 * The live session behind a cookie: not revoked, not expired, its user still there. Called by
 * lib/dal/session.ts on every request, which is what makes revocation immediate.
 */
export async function getLiveSession(sessionId: string): Promise<SessionContext | null> {
  const db = await getDb();
  const now = new Date();
  const [row] = await db
    .select({
      sessionId: sessions.id,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      reauthenticatedAt: sessions.reauthenticatedAt,
      readOnly: sessions.readOnly,
      impersonatorId: sessions.impersonatorId,
      user: {
        id: users.id,
        email: users.email,
        name: users.name,
        role: users.role,
        language: users.language,
      },
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)),
    );
  if (!row) return null;
  // A support view ends as soon as its grant is withdrawn or over, or
  // the agent's own session ends; the check records the end for the user to see.
  if (row.impersonatorId && !(await impersonationStillAllowed(sessionId))) return null;
  // "Last seen" to the minute is enough, and spares a write on every request.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.id, sessionId));
  }
  const { lastSeenAt: _unused, ...context } = row;
  return context;
}

/** Ends the session behind the current cookie (sign-out). */
export async function endSession(sessionId: string, reason: string): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(sessions)
      .set({ revokedAt: new Date(), revokedReason: reason })
      .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)))
      .returning({ userId: sessions.userId });
    if (!ended) return;
    await writeAudit(tx, {
      actorId: ended.userId,
      actorRole: "user",
      subjectId: ended.userId,
      action: "auth.sign_out",
      targetType: "session",
      targetId: sessionId,
    });
  });
}
