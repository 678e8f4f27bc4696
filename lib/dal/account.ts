import "server-only";
import { and, eq, ne, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { hashPassword } from "@/lib/auth/password";
import { recheckPassword, type RecheckResult } from "@/lib/dal/auth";
import { requireRecentAuth, requireSession, requireWritable } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import {
  confirmEmailChangeMail,
  emailChangeAttemptMail,
  emailChangedNoticeMail,
  passwordChangedMail,
} from "@/lib/mail/templates";
import { flushMailNow } from "@/lib/dal/mail/worker";
import type { ProfileValues } from "@/lib/validation/profile";
import { consumeLinkToken, issueLinkToken, type LinkCheck } from "./tokens";
import { accountLocale, visitorLocale } from "@/lib/dal/mail/language";

const EMAIL_CHANGE_HOURS = 24;

export type ProfileDTO = {
  email: string;
  name: string;
  company: string | null;
  country: string | null;
  phone: string | null;
  language: "en" | "nl";
  createdAt: Date;
  pendingEmail: string | null;
};

/** The signed-in user's profile. */
export async function getMyProfile(): Promise<ProfileDTO> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({
      email: users.email,
      name: users.name,
      company: users.company,
      country: users.country,
      phone: users.phone,
      language: users.language,
      createdAt: users.createdAt,
      // Compared with the session's id, not ${users.id}: in a single-table select drizzle drops
      // the table name, and "user_id = id" would compare the token's columns with each other.
      pendingEmail: sql<string | null>`(
        select new_email from verification_tokens
        where user_id = ${user.id} and purpose = 'change_email'
          and used_at is null and expires_at > now()
        order by created_at desc limit 1)`,
    })
    .from(users)
    .where(eq(users.id, user.id));
  return row!;
}

/** Corrects the profile; the audit event keeps old and new values of what changed. */
export async function updateMyProfile(values: ProfileValues): Promise<{ changed: string[] }> {
  const session = await requireWritable("profile.update");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select({
        name: users.name,
        company: users.company,
        country: users.country,
        phone: users.phone,
        language: users.language,
      })
      .from(users)
      .where(eq(users.id, session.user.id))
      .for("update");
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const key of Object.keys(values) as (keyof ProfileValues)[]) {
      if (before![key] !== values[key]) changes[key] = { from: before![key], to: values[key] };
    }
    const changed = Object.keys(changes);
    if (changed.length === 0) return { changed };
    await tx
      .update(users)
      .set({ ...values, updatedAt: new Date() })
      .where(eq(users.id, session.user.id));
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "profile.update",
      targetType: "user",
      targetId: session.user.id,
      details: { changes },
    });
    return { changed };
  });
}

/**
 * The language the app, its mail and the export speak to this account (the switcher on every
 * page). Allowed during an erasure grace period: reading the notice in one's own language is
 * part of being able to keep the account.
 */
export async function setMyLanguage(language: "en" | "nl"): Promise<void> {
  const session = await requireWritable("profile.language");
  if (session.user.language === language) return;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ language, updatedAt: new Date() })
      .where(eq(users.id, session.user.id));
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "profile.update",
      targetType: "user",
      targetId: session.user.id,
      details: { changes: { language: { from: session.user.language, to: language } } },
    });
  });
}

export type EmailChangeOutcome = "sent" | "same";

/**
 * Starts an email change: a link goes to the new address; nothing changes until it is followed.
 * Needs a recent password. An address that already belongs to someone gets the same answer and
 * the same pending state (the requester must not learn who has an account): its owner is told
 * instead, and the link, which would be refused at confirmation anyway, goes to no one.
 * Mail is queued, never sent inline, so both answers take the same time.
 */
export async function requestMyEmailChange(newEmail: string): Promise<EmailChangeOutcome> {
  await requireWritable("profile.email_change");
  const session = await requireRecentAuth();
  const db = await getDb();
  const email = newEmail.trim();
  if (email.toLowerCase() === session.user.email.toLowerCase()) return "same";
  // Read before the transaction: the viewer's language may need the session, and a query
  // outside an open transaction would wait for it on a one-connection database.
  const newAddressLocale = await visitorLocale();
  await db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ id: users.id, name: users.name, email: users.email })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`);
    const token = await issueLinkToken(tx, {
      userId: session.user.id,
      purpose: "change_email",
      hours: EMAIL_CHANGE_HOURS,
      newEmail: email,
    });
    if (owner) {
      const locale = await accountLocale(tx, owner.id);
      const notice = emailChangeAttemptMail({ name: owner.name, locale });
      await enqueueMail(tx, {
        userId: owner.id,
        kind: "email_change_attempt",
        to: owner.email,
        ...notice,
      });
    } else {
      const mail = confirmEmailChangeMail({
        appUrl: env.APP_URL,
        token,
        newEmail: email,
        expiresInHours: EMAIL_CHANGE_HOURS,
        locale: newAddressLocale,
      });
      await enqueueMail(tx, { userId: session.user.id, kind: "change_email", to: email, ...mail });
    }
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "profile.email_change_requested",
      targetType: "user",
      targetId: session.user.id,
    });
  });
  return "sent";
}

/**
 * Follows the link sent to the new address. Token-based: whoever holds the link proves they
 * own the new address. The old address is told, without any link that acts on the account.
 */
export async function confirmEmailChange(token: string): Promise<LinkCheck["status"] | "taken"> {
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const link = await consumeLinkToken(tx, token, "change_email");
    if (link.status !== "ok" || !link.newEmail) return link.status;
    const [clash] = await tx
      .select({ id: users.id })
      .from(users)
      .where(
        and(sql`lower(${users.email}) = ${link.newEmail.toLowerCase()}`, ne(users.id, link.userId)),
      );
    if (clash) return "taken" as const;
    const [before] = await tx
      .select({ email: users.email, name: users.name })
      .from(users)
      .where(eq(users.id, link.userId));
    const now = new Date();
    await tx
      .update(users)
      .set({ email: link.newEmail, emailVerifiedAt: now, updatedAt: now })
      .where(eq(users.id, link.userId));
    const notice = emailChangedNoticeMail({
      name: before!.name,
      newEmail: link.newEmail,
      changedAt: now,
      locale: await accountLocale(tx, link.userId),
    });
    await enqueueMail(tx, {
      userId: link.userId,
      kind: "email_changed",
      to: before!.email,
      ...notice,
    });
    await writeAudit(tx, {
      actorId: link.userId,
      actorRole: "user",
      subjectId: link.userId,
      action: "profile.email_change",
      targetType: "user",
      targetId: link.userId,
      details: { changes: { email: { from: before!.email, to: link.newEmail } } },
    });
    return "ok" as const;
  });
  if (result === "ok") await flushMailNow();
  return result;
}

/**
 * Changes the password (the current one is required) and ends every other session. The current
 * password is checked like a step-up: it spends the sign-in budget, and past it this session
 * ends too ("signed_out").
 */
export async function changeMyPassword(current: string, next: string): Promise<RecheckResult> {
  const session = await requireWritable("auth.password_change");
  const checked = await recheckPassword(session, current);
  if (checked !== "ok") return checked;
  const db = await getDb();
  const [row] = await db
    .select({ email: users.email })
    .from(users)
    .where(eq(users.id, session.user.id));
  const passwordHash = await hashPassword(next);
  const now = new Date();
  await db.transaction(async (tx) => {
    await tx
      .update(users)
      .set({ passwordHash, updatedAt: now })
      .where(eq(users.id, session.user.id));
    await tx
      .update(sessions)
      .set({ revokedAt: now, revokedReason: "password_changed" })
      .where(
        and(
          eq(sessions.userId, session.user.id),
          ne(sessions.id, session.sessionId),
          sql`${sessions.revokedAt} is null`,
        ),
      );
    await tx
      .update(sessions)
      .set({ reauthenticatedAt: now })
      .where(eq(sessions.id, session.sessionId));
    const mail = passwordChangedMail({
      appUrl: env.APP_URL,
      name: session.user.name,
      changedAt: now,
      locale: await accountLocale(tx, session.user.id),
    });
    await enqueueMail(tx, {
      userId: session.user.id,
      kind: "password_changed",
      to: row!.email,
      ...mail,
    });
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "auth.password_change",
      targetType: "user",
      targetId: session.user.id,
    });
  });
  await flushMailNow();
  return "ok";
}
