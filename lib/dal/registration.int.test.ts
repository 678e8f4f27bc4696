import { randomInt, randomUUID } from "node:crypto";
import { desc, eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, sessions, users, verificationTokens } from "@/db/schema";
import { createAccount, signInAs, actAsSession } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { authenticate } from "./auth";
import { requestPasswordReset, resetPassword, signUp, verifyEmail } from "./registration";
import { changeMyPassword, getMyProfile, requestMyEmailChange, updateMyProfile } from "./account";
import { listMySessions, listMySignIns, revokeMyOtherSessions, revokeMySession } from "./sessions";

async function mailsTo(to: string) {
  const db = await getDb();
  return db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt));
}

// Mail must be queued, never sent inline (the answer would take longer for real accounts).
vi.mock("@/lib/dal/mail/worker", async (original) => ({
  ...(await original<typeof import("@/lib/dal/mail/worker")>()),
  flushMailNow: vi.fn(async () => null),
}));

const tokenIn = (text: string) => /token=([A-Za-z0-9_-]+)/.exec(text)![1]!;

describe("sign-up", () => {
  it("creates an unverified account and mails a single-use link that verifies it", async () => {
    const email = `new-${randomUUID()}@example.test`;
    await signUp({ name: "Nel", email, password: "Tulip-Bicycle-Canal-88" });
    const db = await getDb();
    const [user] = await db.select().from(users).where(eq(users.email, email));
    expect(user!.emailVerifiedAt).toBeNull();
    expect(user!.passwordHash).toMatch(/^\$argon2id\$/);
    const [mail] = await mailsTo(email);
    const token = tokenIn(mail!.text);
    // Only a hash of the token is stored.
    const stored = await db
      .select({ h: verificationTokens.tokenHash })
      .from(verificationTokens)
      .where(eq(verificationTokens.userId, user!.id));
    expect(stored.map((s) => s.h)).not.toContain(token);

    expect(await verifyEmail(token)).toBe("ok");
    expect(await verifyEmail(token)).toBe("used");
    expect(await verifyEmail("x".repeat(43))).toBe("invalid");
    const [after] = await db
      .select({ v: users.emailVerifiedAt })
      .from(users)
      .where(eq(users.id, user!.id));
    expect(after!.v).not.toBeNull();
  });

  it("does not reveal or duplicate an existing account: the owner gets a notice instead", async () => {
    const existing = await createAccount();
    await signUp({
      name: "Impostor",
      email: existing.email.toUpperCase(),
      password: "Tulip-Bicycle-Canal-88",
    });
    const db = await getDb();
    const rows = await db
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${existing.email}`);
    expect(rows).toHaveLength(1);
    const mails = await mailsTo(existing.email.toUpperCase());
    expect(mails[0]!.subject).toMatch(/already have/);
  });

  it("an expired link gets its own answer", async () => {
    const email = `exp-${randomUUID()}@example.test`;
    await signUp({ name: "Old", email, password: "Tulip-Bicycle-Canal-88" });
    const token = tokenIn((await mailsTo(email))[0]!.text);
    const db = await getDb();
    await db
      .update(verificationTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(sql`${verificationTokens.userId} = (select id from users where email = ${email})`);
    expect(await verifyEmail(token)).toBe("expired");
  });
});

describe("password reset", () => {
  it("sets the new password, ends every session and lifts a 'this wasn't me' lock", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    const db = await getDb();
    await db.update(users).set({ mustChangePassword: true }).where(eq(users.id, account.id));
    await requestPasswordReset(account.email);
    const token = tokenIn((await mailsTo(account.email))[0]!.text);
    expect(await resetPassword(token, "Fresh-Harbour-Lantern-19")).toBe("ok");
    expect(await resetPassword(token, "Fresh-Harbour-Lantern-20")).toBe("used");
    const [session] = await db
      .select({ r: sessions.revokedAt })
      .from(sessions)
      .where(eq(sessions.id, sid));
    expect(session!.r).not.toBeNull();
    const ok = await authenticate({
      email: account.email,
      password: "Fresh-Harbour-Lantern-19",
      ip: null,
      userAgent: null,
    });
    expect(ok.ok).toBe(true);
  });

  it("says nothing about unknown addresses and sends them nothing", async () => {
    const email = `ghost-${randomUUID()}@example.test`;
    await expect(requestPasswordReset(email)).resolves.toEqual({ ok: true });
    expect(await mailsTo(email)).toEqual([]);
  });
});

describe("signed out", () => {
  it("every account read and change is refused (redirect to sign-in), changing nothing", async () => {
    await actAsSession(null);
    const calls: (() => Promise<unknown>)[] = [
      () => getMyProfile(),
      () =>
        updateMyProfile({ name: "X", company: null, country: null, phone: null, language: "en" }),
      () => requestMyEmailChange("x@example.test"),
      () => changeMyPassword("a", "b"),
      () => listMySessions(),
      () => listMySignIns(),
      () => revokeMySession(randomUUID()),
      () => revokeMyOtherSessions(),
    ];
    for (const call of calls) await expect(call()).rejects.toThrow(/NEXT_REDIRECT/);
  });
});

describe("mail a visitor can make us send", () => {
  const fromIp = (ip: string | null) => {
    if (ip) testRequest.headers.set(CLIENT_IP_HEADER, ip);
    else testRequest.headers.delete(CLIENT_IP_HEADER);
  };
  let n = 0;
  const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
  const password = "Tulip-Bicycle-Canal-88";
  afterEach(() => fromIp(null));

  it("sign-up: 10 requests for one address from 10 IPs queue 3 mails, then refuse", async () => {
    const email = `flood-${randomUUID()}@example.test`;
    const outcomes = [];
    for (let i = 0; i < 10; i++) {
      fromIp(freshIp());
      outcomes.push(await signUp({ name: `N${n++}`, email, password }));
    }
    expect(outcomes.slice(0, 3)).toEqual([{ ok: true }, { ok: true }, { ok: true }]);
    expect(outcomes.slice(3).every((o) => !o.ok && o.retryAt.getTime() > Date.now())).toBe(true);
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it("forgot password: 3 mails to a real account, and the same answers for an unknown one", async () => {
    const account = await createAccount();
    const ghost = `ghost-${randomUUID()}@example.test`;
    const answers: Record<string, boolean[]> = { real: [], ghost: [] };
    for (let i = 0; i < 10; i++) {
      fromIp(freshIp());
      answers.real!.push((await requestPasswordReset(account.email.toUpperCase())).ok);
      fromIp(freshIp());
      answers.ghost!.push((await requestPasswordReset(ghost)).ok);
    }
    const expected = [true, true, true, false, false, false, false, false, false, false];
    expect(answers).toEqual({ real: expected, ghost: expected });
    expect(await mailsTo(account.email)).toHaveLength(3);
    expect(await mailsTo(ghost)).toEqual([]);
    expect(flushMailNow).not.toHaveBeenCalled();
  });

  it("allows 10 requests from one IP, to any addresses, then refuses the 11th", async () => {
    const ip = freshIp();
    fromIp(ip);
    const answers = [];
    for (let i = 0; i < 11; i++) {
      const email = `ip-${i}-${randomUUID()}@example.test`;
      answers.push((await requestPasswordReset(email)).ok);
    }
    expect(answers.filter(Boolean)).toHaveLength(10);
    expect(answers[10]).toBe(false);
    fromIp(freshIp());
    expect(await requestPasswordReset(`other-${randomUUID()}@example.test`)).toEqual({ ok: true });
  });

  it("puts no text the requester chose into the verification mail", async () => {
    const email = `name-${randomUUID()}@example.test`;
    const name = "Your account is suspended. Call +1 555 0100";
    await signUp({ name, email, password });
    const [mail] = await mailsTo(email);
    expect(mail!.text).not.toContain("suspended");
    expect(mail!.text).not.toContain("555");
    expect(mail!.text.startsWith("Hello,\n")).toBe(true);
    expect(flushMailNow).not.toHaveBeenCalled();
  });
});
