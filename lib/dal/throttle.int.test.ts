import { randomInt, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, authThrottle, loginEvents } from "@/db/schema";
import { createAccount, type TestAccount } from "@/db/testing/auth";
import { authenticate } from "./auth";
import { throttleKey } from "./throttle";

// A fresh address per test from a 16-million block: tests in other files share the database.
const freshIp = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const unknownEmail = () => `nobody-${randomUUID()}@example.test`;

const attempt = (email: string, password: string, ip: string | null = freshIp()) =>
  authenticate({ email, password, ip, userAgent: "burst" });

async function historyOf(account: TestAccount) {
  const db = await getDb();
  return db
    .select({ outcome: loginEvents.outcome, reason: loginEvents.reason })
    .from(loginEvents)
    .where(eq(loginEvents.userId, account.id));
}

async function auditCount(account: TestAccount) {
  const db = await getDb();
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(auditLog)
    .where(eq(auditLog.subjectId, account.id));
  return row!.n;
}

async function throttleRow(key: string) {
  const db = await getDb();
  const [row] = await db
    .select({ failures: authThrottle.failures, blockedAttempts: authThrottle.blockedAttempts })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  return row;
}

const outcomes = (results: Awaited<ReturnType<typeof authenticate>>[]) =>
  results.map((r) => (r.ok ? "ok" : r.reason)).sort();

describe("a parallel burst against one account", () => {
  it("checks exactly 5 of 30 wrong passwords, then refuses the right one", async () => {
    const account = await createAccount();
    const burst = await Promise.all(
      Array.from({ length: 30 }, (_, i) => attempt(account.email, `wrong-${i}-password`)),
    );
    const counts = outcomes(burst).reduce<Record<string, number>>(
      (acc, r) => ({ ...acc, [r]: (acc[r] ?? 0) + 1 }),
      {},
    );
    expect(counts).toEqual({ invalid: 5, throttled: 25 });
    // Five passwords were checked, and only those are in the history.
    expect(await historyOf(account)).toEqual(
      Array.from({ length: 5 }, () => ({ outcome: "failure", reason: "bad_password" })),
    );
    expect(await attempt(account.email, account.password)).toMatchObject({
      ok: false,
      reason: "throttled",
    });
  });

  it("refuses the right password sent inside a burst once the budget is spent", async () => {
    const account = await createAccount();
    for (let i = 0; i < 4; i++) await attempt(account.email, `wrong-${i}-password`);
    const burst = await Promise.all([
      ...Array.from({ length: 30 }, (_, i) => attempt(account.email, `again-${i}-password`)),
      attempt(account.email, account.password),
    ]);
    // One attempt was left: whichever took it, at most one password was checked in the burst.
    const checked = burst.filter((r) => r.ok || r.reason !== "throttled");
    expect(checked).toHaveLength(1);
    expect(burst.filter((r) => r.ok || r.reason === "invalid").length).toBe(1);
    const rows = await historyOf(account);
    expect(rows).toHaveLength(5);
  });
});

describe("parallel right and wrong passwords", () => {
  it("from one IP, to one account, settle without a deadlock or an error", async () => {
    const account = await createAccount();
    const ip = freshIp();
    const results = await Promise.all(
      Array.from({ length: 16 }, (_, i) =>
        attempt(account.email, i % 2 ? account.password : `wrong-${i}-password`, ip),
      ),
    );
    expect(results.every((r) => r.ok || r.reason === "invalid" || r.reason === "throttled")).toBe(
      true,
    );
    expect(results.some((r) => r.ok)).toBe(true);
  });
});

describe("the budgets and their keys", () => {
  it("blocks one IP after 20 failures on any accounts, and only that IP", async () => {
    const ip = freshIp();
    for (let i = 0; i < 19; i++) {
      expect(await attempt(unknownEmail(), "wrong-password", ip)).toMatchObject({
        reason: "invalid",
      });
    }
    expect(await attempt(unknownEmail(), "wrong-password", ip)).toMatchObject({
      reason: "invalid",
    });
    const account = await createAccount();
    expect(await attempt(account.email, account.password, ip)).toMatchObject({
      reason: "throttled",
    });
    expect(await attempt(account.email, account.password, freshIp())).toMatchObject({ ok: true });
  });

  it("blocks a whole IPv6 /64 after 20 failures from addresses spread across it", async () => {
    const net = `2001:db8:${randomInt(65536).toString(16)}:${randomInt(65536).toString(16)}`;
    for (let i = 1; i <= 20; i++) {
      expect(
        await attempt(unknownEmail(), "wrong-password", `${net}::${i.toString(16)}`),
      ).toMatchObject({
        reason: "invalid",
      });
    }
    const account = await createAccount();
    expect(await attempt(account.email, account.password, `${net}:ffff:1:2:3`)).toMatchObject({
      reason: "throttled",
    });
    expect(throttleKey.ip(`${net}::1`)).toBe(throttleKey.ip(`${net}:abcd::9`));
    expect(throttleKey.ip(`${net}::1`)).not.toBe(throttleKey.ip(`2001:db8:ffff:ffff::1`));
  });

  it("keeps each account's budget its own, without an IP too", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    for (let i = 0; i < 5; i++) await attempt(a.email, `wrong-${i}-password`, null);
    expect(await attempt(a.email, a.password, null)).toMatchObject({ reason: "throttled" });
    expect(await attempt(b.email, b.password, null)).toMatchObject({ ok: true });
  });

  it("counts the case variants of an address as one account", async () => {
    const account = await createAccount();
    const variants = [
      account.email.toUpperCase(),
      ` ${account.email} `,
      account.email.replace("t-", "T-"),
      account.email,
      account.email.toUpperCase(),
    ];
    for (const email of variants) await attempt(email, "wrong-password", null);
    expect(await attempt(account.email, account.password, null)).toMatchObject({
      reason: "throttled",
    });
  });

  it("starts the count again after a successful sign-in", async () => {
    const account = await createAccount();
    for (let round = 0; round < 3; round++) {
      for (let i = 0; i < 4; i++) await attempt(account.email, `wrong-${i}-password`, null);
      expect(await attempt(account.email, account.password, null)).toMatchObject({ ok: true });
    }
    expect(await throttleRow(throttleKey.account(account.email))).toBeUndefined();
  });

  it("gives the IP back the attempt of a right password", async () => {
    const ip = freshIp();
    const account = await createAccount();
    for (let i = 0; i < 25; i++) {
      expect(await attempt(account.email, account.password, ip)).toMatchObject({ ok: true });
    }
    expect(await throttleRow(throttleKey.ip(ip))).toMatchObject({ failures: 0 });
  });

  it("keys IPs, accounts and mail targets apart", () => {
    const keys = [
      throttleKey.ip("192.0.2.1"),
      throttleKey.ip("192.0.2.2"),
      throttleKey.account("192.0.2.1"),
      throttleKey.mailTo("192.0.2.1"),
      throttleKey.mailFromIp("192.0.2.1"),
    ];
    expect(new Set(keys).size).toBe(5);
    expect(throttleKey.account("A@Example.TEST ")).toBe(throttleKey.account("a@example.test"));
    expect(throttleKey.mailTo("A@Example.TEST ")).toBe(throttleKey.mailTo("a@example.test"));
  });
});

describe("blocked attempts", () => {
  it("write one counter per key, no history or audit row, whether the account exists or not", async () => {
    const ip = freshIp();
    for (let i = 0; i < 20; i++) await attempt(unknownEmail(), "wrong-password", ip);
    const account = await createAccount();
    const missing = unknownEmail();
    const before = { history: (await historyOf(account)).length, audit: await auditCount(account) };

    const results = [];
    for (let i = 0; i < 20; i++) {
      results.push(await attempt(account.email, account.password, ip));
      results.push(await attempt(missing, account.password, ip));
    }
    expect(new Set(outcomes(results))).toEqual(new Set(["throttled"]));
    expect({
      history: (await historyOf(account)).length,
      audit: await auditCount(account),
    }).toEqual(before);
    expect(await throttleRow(throttleKey.ip(ip))).toEqual({ failures: 20, blockedAttempts: 40 });
    // Only the blocked key counts; the accounts' own budgets are untouched.
    expect(await throttleRow(throttleKey.account(account.email))).toBeUndefined();
    expect(await throttleRow(throttleKey.account(missing))).toBeUndefined();
  });

  it("are never checked, so a right password while blocked leaves no success", async () => {
    const account = await createAccount();
    for (let i = 0; i < 5; i++) await attempt(account.email, `wrong-${i}-password`, null);
    await attempt(account.email, account.password, null);
    const db = await getDb();
    const success = await db
      .select({ id: loginEvents.id })
      .from(loginEvents)
      .where(and(eq(loginEvents.userId, account.id), eq(loginEvents.outcome, "success")));
    expect(success).toEqual([]);
  });
});
