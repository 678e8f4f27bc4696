import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { accessTokens, auditLog, emailOutbox, loginEvents, sessions, users } from "@/db/schema";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";
import { getCurrentSession } from "@/lib/dal/session";
import { authenticate } from "./auth";
import { createAccount, getUserRow, signInAs, actAsSession } from "@/db/testing/auth";
import {
  changeMyPassword,
  confirmEmailChange,
  getMyProfile,
  requestMyEmailChange,
  updateMyProfile,
} from "./account";
import {
  reauthenticate,
  reportSignInNotMe,
  revokeMyOtherSessions,
  revokeMySession,
} from "./sessions";

const profile = {
  name: "Ada Lovelace",
  company: "Analytical Engines",
  country: "GB",
  phone: "+44 20 7946 0000",
  language: "en" as const,
};

async function latestMail(to: string) {
  const db = await getDb();
  const [mail] = await db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  return mail;
}

describe("profile correction", () => {
  it("saves the change and audits old and new values in the same transaction", async () => {
    const account = await createAccount();
    await signInAs(account);
    const { changed } = await updateMyProfile(profile);
    expect(changed.sort()).toEqual(["company", "country", "name", "phone"]);
    expect(await getUserRow(account.id)).toMatchObject(profile);
    const db = await getDb();
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, account.id), eq(auditLog.action, "profile.update")));
    expect(audit!.details).toEqual({
      changes: expect.objectContaining({ name: { from: account.name, to: "Ada Lovelace" } }),
    });
  });

  it("is refused in a read-only session, changing nothing", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(updateMyProfile(profile)).rejects.toBeInstanceOf(ReadOnlyError);
    expect((await getUserRow(account.id)).name).toBe(account.name);
  });
});

describe("email change", () => {
  it("needs a recent password, then applies only through the new address's single-use link", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    const db = await getDb();
    const longAgo = new Date(Date.now() - 3_600_000);
    await db.update(sessions).set({ createdAt: longAgo }).where(eq(sessions.id, sid));
    const next = `new-${account.email}`;
    await expect(requestMyEmailChange(next)).rejects.toBeInstanceOf(ReauthRequiredError);

    expect(await reauthenticate("not my password")).toBe("wrong_password");
    expect(await reauthenticate(account.password)).toBe("ok");
    expect(await requestMyEmailChange(next)).toBe("sent");
    expect((await getUserRow(account.id)).email).toBe(account.email);
    expect(await getMyProfile()).toMatchObject({ email: account.email, pendingEmail: next });

    const mail = await latestMail(next);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    expect(await confirmEmailChange(token)).toBe("ok");
    expect((await getUserRow(account.id)).email).toBe(next);
    expect(await confirmEmailChange(token)).toBe("used");
    expect(await getMyProfile()).toMatchObject({ email: next, pendingEmail: null });
    const notice = await latestMail(account.email);
    expect(notice!.subject).toMatch(/email address was changed/);
    expect(notice!.text).not.toMatch(/token=/);
  });

  it("answers for an address that belongs to someone else as if it worked, and tells its owner", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    await signInAs(a);
    const taken = b.email.toUpperCase();
    const free = `free-${a.email}`;
    // Same answer and same pending state as for a free address: nothing tells them apart.
    expect(await requestMyEmailChange(taken)).toBe("sent");
    expect(await getMyProfile()).toMatchObject({ email: a.email, pendingEmail: taken });
    expect(await requestMyEmailChange(free)).toBe("sent");
    expect(await getMyProfile()).toMatchObject({ email: a.email, pendingEmail: free });

    // The owner of the taken address is told, with no link and without naming anyone.
    const notice = await latestMail(b.email);
    expect(notice!.subject).toMatch(/Someone tried to use your email address/);
    expect(notice!.text).not.toMatch(/token=/);
    expect(notice!.text).not.toContain(a.email);
    expect(notice!.text).not.toContain(a.name);
    expect(await latestMail(taken)).toBeUndefined();
    // Nobody's address changed.
    expect((await getUserRow(a.id)).email).toBe(a.email);
    expect((await getUserRow(b.id)).email).toBe(b.email);
  });
});

describe("sessions and history belong to their owner", () => {
  it("cannot revoke another user's session or report their sign-in", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    const sidB = await signInAs(b);
    const db = await getDb();
    const [eventB] = await db
      .select({ id: loginEvents.id })
      .from(loginEvents)
      .where(eq(loginEvents.userId, b.id));
    await signInAs(a);
    expect(await revokeMySession(sidB)).toBe(false);
    expect(await reportSignInNotMe(eventB!.id)).toBe(false);
    const [still] = await db
      .select({ revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.id, sidB));
    expect(still!.revokedAt).toBeNull();
    expect((await getUserRow(b.id)).mustChangePassword).toBe(false);
  });

  it("signs out everywhere else but here", async () => {
    const account = await createAccount();
    const first = await signInAs(account);
    const second = await signInAs(account);
    expect(await revokeMyOtherSessions()).toBe(1);
    const db = await getDb();
    const live = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, account.id), isNull(sessions.revokedAt)));
    expect(live.map((s) => s.id)).toEqual([second]);
    expect(live.map((s) => s.id)).not.toContain(first);
  });

  it("'this wasn't me' ends every session and requires a new password", async () => {
    const account = await createAccount();
    await signInAs(account);
    const db = await getDb();
    const [event] = await db
      .select({ id: loginEvents.id })
      .from(loginEvents)
      .where(eq(loginEvents.userId, account.id));
    expect(await reportSignInNotMe(event!.id)).toBe(true);
    const live = await db
      .select({ id: sessions.id })
      .from(sessions)
      .where(and(eq(sessions.userId, account.id), isNull(sessions.revokedAt)));
    expect(live).toEqual([]);
    const [user] = await db
      .select({ must: users.mustChangePassword })
      .from(users)
      .where(eq(users.id, account.id));
    expect(user!.must).toBe(true);
    const mails = await db
      .select({ subject: emailOutbox.subject })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, account.email));
    expect(mails.map((m) => m.subject)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/secured your/),
        expect.stringMatching(/new password/),
      ]),
    );
  });

  it("'this wasn't me' revokes the access tokens made since that sign-in, and only those", async () => {
    const account = await createAccount();
    await signInAs(account);
    const db = await getDb();
    const [event] = await db
      .select({ id: loginEvents.id, at: loginEvents.occurredAt })
      .from(loginEvents)
      .where(eq(loginEvents.userId, account.id));
    const token = (name: string, createdAt: Date) => ({
      userId: account.id,
      name,
      kind: "printer" as const,
      scopes: ["print-jobs:read"],
      prefix: name.slice(0, 8),
      tokenHash: `${name}-${randomUUID()}`,
      createdAt,
    });
    const [before, after] = await db
      .insert(accessTokens)
      .values([
        token("before", new Date(event!.at.getTime() - 86_400_000)),
        token("after", new Date(event!.at.getTime() + 1_000)),
      ])
      .returning({ id: accessTokens.id });
    expect(await reportSignInNotMe(event!.id)).toBe(true);
    const rows = await db
      .select({ id: accessTokens.id, revokedAt: accessTokens.revokedAt })
      .from(accessTokens)
      .where(eq(accessTokens.userId, account.id));
    const revoked = (id: string) => rows.find((r) => r.id === id)!.revokedAt !== null;
    expect(revoked(before!.id)).toBe(false);
    expect(revoked(after!.id)).toBe(true);
    const [audit] = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.action, "auth.reported_not_me"), eq(auditLog.subjectId, account.id)));
    expect(audit!.details).toMatchObject({ tokensRevoked: 1 });
  });

  it("a password change needs the current password and ends the other sessions", async () => {
    const account = await createAccount();
    const other = await signInAs(account);
    const current = await signInAs(account);
    expect(await changeMyPassword("wrong current", "Brand-New-Password-42")).toBe("wrong_password");
    expect(await changeMyPassword(account.password, "Brand-New-Password-42")).toBe("ok");
    const db = await getDb();
    const rows = await db
      .select({ id: sessions.id, revokedAt: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.userId, account.id));
    expect(rows.find((r) => r.id === other)!.revokedAt).not.toBeNull();
    expect(rows.find((r) => r.id === current)!.revokedAt).toBeNull();
    await actAsSession(null);
  });
});

describe("entering the password again while signed in", () => {
  async function reauthHistory(userId: string) {
    const db = await getDb();
    return db
      .select({ reason: loginEvents.reason, sessionId: loginEvents.sessionId })
      .from(loginEvents)
      .where(and(eq(loginEvents.userId, userId), eq(loginEvents.outcome, "failure")));
  }
  async function revokedReason(sid: string) {
    const db = await getDb();
    const [row] = await db
      .select({ reason: sessions.revokedReason })
      .from(sessions)
      .where(eq(sessions.id, sid));
    return row!.reason;
  }

  it("step-up: 4 wrong passwords are recorded, the 5th ends the session", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    for (let i = 0; i < 4; i++) expect(await reauthenticate(`guess-${i}`)).toBe("wrong_password");
    expect(await reauthHistory(account.id)).toEqual(
      Array.from({ length: 4 }, () => ({ reason: "reauth_failed", sessionId: sid })),
    );
    expect(await revokedReason(sid)).toBeNull();
    expect(await reauthenticate("guess-5")).toBe("signed_out");
    expect(await revokedReason(sid)).toBe("too_many_password_attempts");
    expect(await getCurrentSession()).toBeNull();
    const db = await getDb();
    const audit = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, account.id), eq(auditLog.action, "auth.sign_in_failed")));
    expect(audit).toHaveLength(5);
    expect(audit[0]!.details).toEqual({ reason: "reauth_failed" });
  });

  it("password change: the current-password check spends the same budget", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    const hashBefore = (await getUserRow(account.id)).passwordHash;
    for (let i = 0; i < 4; i++) {
      expect(await changeMyPassword(`guess-${i}`, "Brand-New-Password-42")).toBe("wrong_password");
    }
    expect(await changeMyPassword("guess-5", "Brand-New-Password-42")).toBe("signed_out");
    expect(await revokedReason(sid)).toBe("too_many_password_attempts");
    expect((await reauthHistory(account.id)).map((r) => r.reason)).toEqual(
      Array.from({ length: 5 }, () => "reauth_failed"),
    );
    // The password did not change, and signing in is blocked for now as well.
    expect((await getUserRow(account.id)).passwordHash).toBe(hashBefore);
    await expect(signInAs(account)).rejects.toThrow(/throttled/);
  });

  it("shares the budget with sign-in: failed sign-ins elsewhere end a session that guesses", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    for (let i = 0; i < 3; i++) {
      await authenticate({ email: account.email, password: `x-${i}`, ip: null, userAgent: null });
    }
    expect(await reauthenticate("guess-1")).toBe("wrong_password");
    expect(await changeMyPassword("guess-2", "Brand-New-Password-42")).toBe("signed_out");
    expect(await revokedReason(sid)).toBe("too_many_password_attempts");
  });

  it("once the account is blocked, even the right password ends the session", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    for (let i = 0; i < 5; i++) {
      await authenticate({ email: account.email, password: `x-${i}`, ip: null, userAgent: null });
    }
    expect(await reauthenticate(account.password)).toBe("signed_out");
    expect(await revokedReason(sid)).toBe("too_many_password_attempts");
  });

  it("a right password clears the count", async () => {
    const account = await createAccount();
    await signInAs(account);
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) expect(await reauthenticate(`g-${i}`)).toBe("wrong_password");
      expect(await reauthenticate(account.password)).toBe("ok");
    }
  });
});
