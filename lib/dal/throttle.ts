import "server-only";
import { inArray, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { authThrottle } from "@/db/schema";
import {
  blockedUntil,
  recordFailure,
  refundFailure,
  type Limits,
  type ThrottleState,
} from "@/lib/auth/throttle-policy";
import { sha256Hex } from "@/lib/crypto";
import { TooManyRequestsError } from "@/lib/errors";
import { throttleIpKey as networkOf } from "@/lib/net/client-ip";

/**
 * The throttle key of a client address: an IPv6 client by its /64 (one customer can pick any
 * address in it), an IPv4 client by its address.
 */
export function throttleIpKey(ip: string): string {
  return sha256Hex(`ip:${networkOf(ip) ?? ip}`);
}

/** Hashed keys: the table holds no address or IP in the clear, and each kind has its prefix. */
export const throttleKey = {
  /** Case variants of one address share one budget. */
  account: (email: string) => sha256Hex(`account:${email.trim().toLowerCase()}`),
  ip: throttleIpKey,
  /** Mail we send on a visitor's request (sign-up, reset), per target address and per IP. */
  mailTo: (email: string) => sha256Hex(`mail-to:${email.trim().toLowerCase()}`),
  mailFromIp: (ip: string) => sha256Hex(`mail-ip:${networkOf(ip) ?? ip}`),
  /** Privacy requests filed by one account. */
  requestsFiledBy: (userId: string) => sha256Hex(`request-file:${userId}`),
  /** Messages by one account, or on one request made without an account. */
  requestMessagesBy: (subject: string) => sha256Hex(`request-message:${subject}`),
  /** Access tokens created by one account. */
  tokensCreatedBy: (userId: string) => sha256Hex(`token-create:${userId}`),
};

export type Budget = { key: string; limits: Limits };

/**
 * Takes the transaction-scoped advisory lock of each key, always in sorted order, so that two
 * transactions locking overlapping keys cannot deadlock. Works before a key has a row (a row
 * lock could not). Returns the keys, sorted and without duplicates.
 */
export async function throttleLock(tx: Tx, keys: string[]): Promise<string[]> {
  const sorted = [...new Set(keys)].sort();
  for (const key of sorted) await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${key}))`);
  return sorted;
}

export type TakeResult =
  { ok: true; states: ThrottleState[] } | { ok: false; retryAt: Date; states?: undefined };

const columns = {
  key: authThrottle.key,
  failures: authThrottle.failures,
  windowStartedAt: authThrottle.windowStartedAt,
  blockedUntil: authThrottle.blockedUntil,
};

/**
 * Takes one attempt from every budget at once, before the attempt is checked: either all keys
 * are free and each counts the attempt (states in the order given), or one is blocked and none
 * counts it. A transaction-scoped advisory lock per key (taken in key order, so two callers
 * cannot deadlock) makes read-and-count atomic even before a key has a row, so a parallel burst
 * can never check more attempts than the budget allows. Blocked attempts only raise the key's
 * `blocked_attempts`: no sign-in history, no audit row, the same work whoever the target is.
 */
export async function throttleTake(tx: Tx, budgets: Budget[], now: Date): Promise<TakeResult> {
  const keys = await throttleLock(
    tx,
    budgets.map((b) => b.key),
  );
  const rows = keys.length
    ? await tx.select(columns).from(authThrottle).where(inArray(authThrottle.key, keys))
    : // Stryker disable next-line ArrayDeclaration: equivalent, a non-row has no block and no budget reads it
      [];
  const byKey = new Map(rows.map((row) => [row.key, row]));

  let retryAt: Date | null = null;
  // Stryker disable next-line ArrayDeclaration: equivalent, no row has the key Stryker adds
  const blockedKeys: string[] = [];
  for (const row of rows) {
    const until = blockedUntil(row, now);
    if (!until) continue;
    blockedKeys.push(row.key);
    if (!retryAt || until > retryAt) retryAt = until;
  }
  if (retryAt) {
    await tx
      .update(authThrottle)
      .set({ blockedAttempts: sql`${authThrottle.blockedAttempts} + 1`, updatedAt: now })
      .where(inArray(authThrottle.key, blockedKeys));
    return { ok: false, retryAt };
  }

  const states: ThrottleState[] = [];
  for (const { key, limits } of budgets) {
    const current = byKey.get(key);
    const next = recordFailure(current, limits, now);
    // A new window starts the blocked tally again too.
    const newWindow = next.windowStartedAt.getTime() !== current?.windowStartedAt.getTime();
    const set = { ...next, updatedAt: now, ...(newWindow ? { blockedAttempts: 0 } : {}) };
    await tx
      .insert(authThrottle)
      .values({ key, ...next, updatedAt: now })
      .onConflictDoUpdate({ target: authThrottle.key, set });
    byKey.set(key, { key, ...next });
    states.push(next);
  }
  return { ok: true, states };
}

/** Gives back an attempt taken by throttleTake that turned out right (shared keys, e.g. IP). */
export async function throttleRefund(tx: Tx, budget: Budget) {
  await throttleLock(tx, [budget.key]);
  const [current] = await tx
    .select(columns)
    .from(authThrottle)
    .where(sql`${authThrottle.key} = ${budget.key}`);
  if (!current) return;
  const next = refundFailure(current, budget.limits);
  await tx
    .update(authThrottle)
    .set({ failures: next.failures, blockedUntil: next.blockedUntil })
    .where(sql`${authThrottle.key} = ${budget.key}`);
}

/**
 * Forgets a key's failures: a successful sign-in clears its account's count. Like refund, it
 * locks its key first; a caller touching two keys calls throttleLock on both before either.
 */
export async function throttleReset(tx: Tx, key: string) {
  await throttleLock(tx, [key]);
  await tx.delete(authThrottle).where(sql`${authThrottle.key} = ${key}`);
}

/**
 * Takes one use from a budget in its own transaction (so a refused use is counted even though
 * nothing else happens), or throws TooManyRequestsError saying when to try again. For things a
 * person does now and then and a script could do thousands of times: privacy requests, messages,
 * access tokens.
 */
export async function takeBudget(what: string, key: string, limits: Limits): Promise<void> {
  const now = new Date();
  const db = await getDb();
  const taken = await db.transaction((tx) => throttleTake(tx, [{ key, limits }], now));
  if (!taken.ok) throw new TooManyRequestsError(what, taken.retryAt, now);
}
