import { randomInt, randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, type Tx } from "@/db";
import { auditLog, authThrottle, loginEvents } from "@/db/schema";
import { createAccount, type TestAccount } from "@/db/testing/auth";
import type { Limits } from "@/lib/auth/throttle-policy";
import { authenticate } from "./auth";
import { throttleKey, throttleLock, throttleRefund, throttleReset, throttleTake } from "./throttle";

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

describe("the stored form of the keys", () => {
  // The keys are stored: changing their form would drop every count and block on deploy.
  it("hashes each kind with its prefix and the lower-cased, trimmed address", () => {
    expect(throttleKey.account("A@Example.TEST ")).toBe(
      "dee5f6583fdd8752c56379daaca5ffc83cf64f82819d61a83f3a8f5d250008aa",
    );
    expect(throttleKey.mailTo(" A@example.test")).toBe(
      "7b6e59963709eadd869889e5c8ab3c716cd634b04865d65c6c253d9e2063f6c9",
    );
    expect(throttleKey.mailFromIp("192.0.2.1")).toBe(
      "8683796288bfea705e84cc2875cfe1bf2e26fe635344182a2572f3a44d32f108",
    );
    expect(throttleKey.mailFromIp("2001:db8:1:2::1")).toBe(
      "707acbe5734ad3edcd6dc6534d610ade72dc1c80356d000f5a0b5ba046289a73",
    );
  });

  it("gives mail from one IPv6 /64 one key, and each IPv4 address and target its own", () => {
    expect(throttleKey.mailFromIp("2001:db8:1:2:ffff:eeee:dddd:9")).toBe(
      throttleKey.mailFromIp("2001:db8:1:2::1"),
    );
    expect(throttleKey.mailFromIp("2001:db8:1:3::1")).not.toBe(
      throttleKey.mailFromIp("2001:db8:1:2::1"),
    );
    expect(throttleKey.mailFromIp("192.0.2.2")).not.toBe(throttleKey.mailFromIp("192.0.2.1"));
    expect(throttleKey.mailTo("b@example.test")).not.toBe(throttleKey.mailTo("a@example.test"));
    expect(throttleKey.mailTo("a@example.test")).not.toBe(throttleKey.account("a@example.test"));
  });
});

// throttleTake and friends called directly, with a clock the test controls.
const SECOND = 1000;
const HOUR = 3600 * SECOND;
const oneFree = (delayMs: number): Limits => ({
  freeFailures: 1,
  baseDelayMs: delayMs,
  maxDelayMs: delayMs,
  hardCap: 100,
});
const FREE: Limits = { freeFailures: 10, baseDelayMs: SECOND, maxDelayMs: SECOND, hardCap: 100 };
const freshKey = () => `test:${randomUUID()}`;
const at = (ms: number) => new Date(Date.UTC(2030, 0, 1) + ms);

async function inTx<T>(fn: (tx: Tx) => Promise<T>) {
  const db = await getDb();
  return db.transaction(fn);
}

async function fullRow(key: string) {
  const db = await getDb();
  const [row] = await db
    .select({
      failures: authThrottle.failures,
      windowStartedAt: authThrottle.windowStartedAt,
      blockedUntil: authThrottle.blockedUntil,
      blockedAttempts: authThrottle.blockedAttempts,
    })
    .from(authThrottle)
    .where(eq(authThrottle.key, key));
  return row;
}

describe("throttleTake", () => {
  it("returns each budget's new state, in the order given", async () => {
    const [a, b] = [freshKey(), freshKey()];
    const taken = await inTx((tx) =>
      throttleTake(
        tx,
        [
          { key: a, limits: FREE },
          { key: b, limits: oneFree(30 * SECOND) },
        ],
        at(0),
      ),
    );
    expect(taken).toEqual({
      ok: true,
      states: [
        { failures: 1, windowStartedAt: at(0), blockedUntil: null },
        { failures: 1, windowStartedAt: at(0), blockedUntil: at(30 * SECOND) },
      ],
    });
  });

  it("counts a key named twice twice", async () => {
    const key = freshKey();
    const taken = await inTx((tx) =>
      throttleTake(
        tx,
        [
          { key, limits: FREE },
          { key, limits: FREE },
        ],
        at(0),
      ),
    );
    expect(taken.states?.map((s) => s.failures)).toEqual([1, 2]);
    expect(await fullRow(key)).toMatchObject({ failures: 2 });
  });

  it("retries at the latest block among the keys, whichever key that is", async () => {
    for (const laterFirst of [true, false]) {
      const [low, high] = [freshKey(), freshKey()].sort();
      const [lowDelay, highDelay] = laterFirst
        ? [60 * SECOND, 10 * SECOND]
        : [10 * SECOND, 60 * SECOND];
      const budgets = [
        { key: low!, limits: oneFree(lowDelay) },
        { key: high!, limits: oneFree(highDelay) },
      ];
      expect(await inTx((tx) => throttleTake(tx, budgets, at(0)))).toMatchObject({ ok: true });
      expect(await inTx((tx) => throttleTake(tx, budgets, at(SECOND)))).toEqual({
        ok: false,
        retryAt: at(60 * SECOND),
      });
      // Once the earlier block has run out, the later one still holds.
      expect(await inTx((tx) => throttleTake(tx, budgets, at(30 * SECOND)))).toEqual({
        ok: false,
        retryAt: at(60 * SECOND),
      });
    }
  });

  it("raises blocked_attempts of the blocked keys only, and counts nothing", async () => {
    const [blocked, free] = [freshKey(), freshKey()];
    const budgets = [
      { key: blocked, limits: oneFree(60 * SECOND) },
      { key: free, limits: FREE },
    ];
    await inTx((tx) => throttleTake(tx, budgets, at(0)));
    await inTx((tx) => throttleTake(tx, budgets, at(SECOND)));
    await inTx((tx) => throttleTake(tx, budgets, at(2 * SECOND)));
    expect(await fullRow(blocked)).toEqual({
      failures: 1,
      windowStartedAt: at(0),
      blockedUntil: at(60 * SECOND),
      blockedAttempts: 2,
    });
    expect(await fullRow(free)).toEqual({
      failures: 1,
      windowStartedAt: at(0),
      blockedUntil: null,
      blockedAttempts: 0,
    });
  });

  it("keeps the blocked tally within a window and starts it again with a new one", async () => {
    const key = freshKey();
    const budgets = [{ key, limits: oneFree(10 * SECOND) }];
    await inTx((tx) => throttleTake(tx, budgets, at(0)));
    await inTx((tx) => throttleTake(tx, budgets, at(SECOND)));
    expect(await fullRow(key)).toMatchObject({ failures: 1, blockedAttempts: 1 });
    // Same window, the block has run out: the attempt counts, the tally stays.
    expect(await inTx((tx) => throttleTake(tx, budgets, at(20 * SECOND)))).toEqual({
      ok: true,
      states: [{ failures: 2, windowStartedAt: at(0), blockedUntil: at(30 * SECOND) }],
    });
    expect(await fullRow(key)).toMatchObject({ failures: 2, blockedAttempts: 1 });
    // An hour later a new window starts: one failure, no blocked attempts.
    expect(await inTx((tx) => throttleTake(tx, budgets, at(2 * HOUR)))).toEqual({
      ok: true,
      states: [
        { failures: 1, windowStartedAt: at(2 * HOUR), blockedUntil: at(2 * HOUR + 10 * SECOND) },
      ],
    });
    expect(await fullRow(key)).toEqual({
      failures: 1,
      windowStartedAt: at(2 * HOUR),
      blockedUntil: at(2 * HOUR + 10 * SECOND),
      blockedAttempts: 0,
    });
  });
});

describe("throttleRefund", () => {
  it("leaves a key without a row alone", async () => {
    const key = freshKey();
    await inTx((tx) => throttleRefund(tx, { key, limits: FREE }));
    expect(await fullRow(key)).toBeUndefined();
  });
});

describe("throttleLock", () => {
  it("returns the keys sorted and without duplicates", async () => {
    expect(await inTx((tx) => throttleLock(tx, ["c", "a", "b", "a"]))).toEqual(["a", "b", "c"]);
  });

  const advisoryLocks = async (tx: Tx) => {
    const result = (await tx.execute(
      sql`select count(*)::int as n from pg_locks
          where locktype = 'advisory' and pid = pg_backend_pid()`,
    )) as unknown as { n: number }[] | { rows: { n: number }[] };
    return (Array.isArray(result) ? [...result] : result.rows)[0]?.n;
  };

  it("holds one advisory lock per key until the transaction ends", async () => {
    const [a, b] = [freshKey(), freshKey()];
    const locks = await inTx(async (tx) => {
      await throttleLock(tx, [b, a, b]);
      return advisoryLocks(tx);
    });
    expect(locks).toBe(2);
  });

  it("is taken by refund and reset on their key", async () => {
    const key = freshKey();
    await inTx((tx) => throttleTake(tx, [{ key, limits: FREE }], at(0)));
    expect(
      await inTx(async (tx) => {
        await throttleRefund(tx, { key, limits: FREE });
        return advisoryLocks(tx);
      }),
    ).toBe(1);
    expect(
      await inTx(async (tx) => {
        await throttleReset(tx, key);
        return advisoryLocks(tx);
      }),
    ).toBe(1);
  });
});
