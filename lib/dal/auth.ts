import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { loginEvents, sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_LIMITS, IP_LIMITS } from "@/lib/auth/throttle-policy";
import { describeUserAgent } from "@/lib/net/user-agent";
import { impersonationStillAllowed } from "./support/staff-events";
import { throttleBlock, throttleFailure, throttleKey, throttleReset } from "./throttle";

export const SESSION_DAYS = 30;

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
 * in, so the subject is the email given; every attempt against an existing account is recorded
 * in its sign-in history. Unknown email and wrong password give the same answer.
 */
export async function authenticate(input: {
  email: string;
  password: string;
  ip: string | null;
  userAgent: string | null;
}): Promise<SignInResult> {
  const db = await getDb();
  const now = new Date();
  const accountKey = throttleKey.account(input.email);
  const keys = input.ip ? [accountKey, throttleKey.ip(input.ip)] : [accountKey];

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

  const retryAt = await db.transaction((tx) => throttleBlock(tx, keys, now));
  const event = { ip: input.ip, userAgent: input.userAgent };
  if (retryAt) {
    if (user) await recordAttempt(user, "failure", "throttled", event);
    return { ok: false, reason: "throttled", retryAt };
  }

  const passwordOk = user?.passwordHash
    ? await verifyPassword(user.passwordHash, input.password)
    : (await verifyPassword(await timingDecoy(), input.password), false);

  if (!user || !passwordOk) {
    await db.transaction(async (tx) => {
      await throttleFailure(tx, accountKey, ACCOUNT_LIMITS, now);
      if (input.ip) await throttleFailure(tx, throttleKey.ip(input.ip), IP_LIMITS, now);
    });
    if (user) await recordAttempt(user, "failure", "bad_password", event);
    return { ok: false, reason: "invalid" };
  }
  if (!user.emailVerifiedAt) {
    await recordAttempt(user, "failure", "unverified", event);
    return { ok: false, reason: "unverified" };
  }
  if (user.mustChangePassword) {
    await recordAttempt(user, "failure", "reset_required", event);
    return { ok: false, reason: "reset_required" };
  }

  const sessionId = await db.transaction(async (tx) => {
    await throttleReset(tx, accountKey);
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
