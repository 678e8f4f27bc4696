import { and, desc, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, emailOutbox, loginEvents, sessions, users } from "@/db/schema";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";
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

    expect(await reauthenticate("not my password")).toBe(false);
    expect(await reauthenticate(account.password)).toBe(true);
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

  it("refuses an address that belongs to someone else", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    await signInAs(a);
    expect(await requestMyEmailChange(b.email.toUpperCase())).toBe("taken");
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
