import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { hashPassword } from "@/lib/auth/password";
import { getRequestMeta } from "@/lib/auth/request";
import { MAIL_ADDRESS_LIMITS, MAIL_IP_LIMITS } from "@/lib/auth/throttle-policy";
import { env } from "@/lib/env";
import { passwordResetMail, signUpExistingAccountMail } from "@/lib/mail/account-templates";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { verifyEmailMail } from "@/lib/mail/templates";
import { enqueuePasswordResetNotice } from "@/lib/dal/mail/notices";
import { throttleKey, throttleTake, type Budget } from "./throttle";
import { consumeLinkToken, issueLinkToken, type LinkCheck } from "./tokens";
import { accountLocale, visitorLocale } from "@/lib/dal/mail/language";

const VERIFY_HOURS = 24;
const RESET_HOURS = 2;

/**
 * These functions run for visitors who are not signed in: their subject is an email address or
 * a link token, never a session. None of them tells the caller whether an account exists.
 */

export type MailRequestOutcome = { ok: true } | { ok: false; retryAt: Date };

/**
 * Sign-up and password reset make us mail an address that anyone can type. Each request counts
 * against that address and the requester's IP, known account or not (so a refusal tells nothing
 * about which addresses have one): 3 an hour to one address, 10 from one IP.
 */
async function takeMailBudget(email: string): Promise<MailRequestOutcome> {
  const db = await getDb();
  const { ip } = await getRequestMeta();
  const budgets: Budget[] = [{ key: throttleKey.mailTo(email), limits: MAIL_ADDRESS_LIMITS }];
  if (ip) budgets.push({ key: throttleKey.mailFromIp(ip), limits: MAIL_IP_LIMITS });
  const taken = await db.transaction((tx) => throttleTake(tx, budgets, new Date()));
  return taken.ok ? { ok: true } : { ok: false, retryAt: taken.retryAt };
}

/**
 * Mail is queued, never sent inline: the mail worker delivers it, so the answer takes as long
 * whether the address has an account or not.
 */
export async function signUp(input: {
  name: string;
  email: string;
  password: string;
}): Promise<MailRequestOutcome> {
  const email = input.email.trim();
  const budget = await takeMailBudget(email);
  if (!budget.ok) return budget;
  const db = await getDb();
  const passwordHash = await hashPassword(input.password);
  const locale = await visitorLocale();
  await db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id, name: users.name })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    if (existing) {
      const locale = await accountLocale(tx, existing.id);
      const mail = signUpExistingAccountMail({ appUrl: env.APP_URL, name: existing.name, locale });
      await enqueueMail(tx, { userId: existing.id, kind: "signup_existing", to: email, ...mail });
      return;
    }
    const [user] = await tx
      .insert(users)
      // The account starts in the language the visitor signed up in, so its mail and pages
      // carry on in it.
      .values({ email, name: input.name, passwordHash, language: locale })
      .returning({ id: users.id });
    const token = await issueLinkToken(tx, {
      userId: user!.id,
      purpose: "verify_email",
      hours: VERIFY_HOURS,
    });
    // No name in it: the address is not proved yet, and the name is whatever was typed.
    const mail = verifyEmailMail({
      appUrl: env.APP_URL,
      token,
      expiresInHours: VERIFY_HOURS,
      locale,
    });
    await enqueueMail(tx, { userId: user!.id, kind: "verify_email", to: email, ...mail });
    await writeAudit(tx, {
      actorId: user!.id,
      actorRole: "user",
      subjectId: user!.id,
      action: "auth.sign_up",
      targetType: "user",
      targetId: user!.id,
    });
  });
  return { ok: true };
}

/** Follows an emailed verification link. */
export async function verifyEmail(token: string): Promise<LinkCheck["status"]> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token, "verify_email");
    if (link.status !== "ok") return link.status;
    await tx
      .update(users)
      .set({ emailVerifiedAt: new Date(), updatedAt: new Date() })
      .where(eq(users.id, link.userId));
    await writeAudit(tx, {
      actorId: link.userId,
      actorRole: "user",
      subjectId: link.userId,
      action: "auth.email_verify",
      targetType: "user",
      targetId: link.userId,
    });
    return "ok";
  });
}

/** Queues a reset link if the address has an account; says nothing either way. */
export async function requestPasswordReset(emailInput: string): Promise<MailRequestOutcome> {
  const email = emailInput.trim().toLowerCase();
  const budget = await takeMailBudget(email);
  if (!budget.ok) return budget;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = ${email}`);
    if (!user) return;
    const token = await issueLinkToken(tx, {
      userId: user.id,
      purpose: "reset_password",
      hours: RESET_HOURS,
    });
    const mail = passwordResetMail({
      appUrl: env.APP_URL,
      name: user.name,
      token,
      expiresInHours: RESET_HOURS,
      locale: await accountLocale(tx, user.id),
    });
    await enqueueMail(tx, { userId: user.id, kind: "reset_password", to: user.email, ...mail });
  });
  return { ok: true };
}

/**
 * Sets a new password from an emailed link. Every session ends (whoever knew the old password
 * is signed out), a "this wasn't me" lock is lifted, and following the link proves the address.
 */
export async function resetPassword(token: string, password: string): Promise<LinkCheck["status"]> {
  const db = await getDb();
  const passwordHash = await hashPassword(password);
  return db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token, "reset_password");
    if (link.status !== "ok") return link.status;
    const now = new Date();
    await tx
      .update(users)
      .set({
        passwordHash,
        mustChangePassword: false,
        emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, ${now.toISOString()}::timestamptz)`,
        updatedAt: now,
      })
      .where(eq(users.id, link.userId));
    await tx
      .update(sessions)
      .set({ revokedAt: now, revokedReason: "password_reset" })
      .where(sql`${sessions.userId} = ${link.userId} and ${sessions.revokedAt} is null`);
    await enqueuePasswordResetNotice(tx, link.userId, now);
    await writeAudit(tx, {
      actorId: link.userId,
      actorRole: "user",
      subjectId: link.userId,
      action: "auth.password_reset",
      targetType: "user",
      targetId: link.userId,
    });
    return "ok";
  });
}
