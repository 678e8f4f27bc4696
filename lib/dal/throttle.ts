import "server-only";
import { inArray, sql } from "drizzle-orm";
import type { Tx } from "@/db";
import { authThrottle } from "@/db/schema";
import { blockedUntil, recordFailure, type ThrottleState } from "@/lib/auth/throttle-policy";
import { sha256Hex } from "@/lib/crypto";

type Limits = Parameters<typeof recordFailure>[1];

export const throttleKey = {
  account: (email: string) => sha256Hex(`account:${email.trim().toLowerCase()}`),
  ip: (ip: string) => sha256Hex(`ip:${ip}`),
};

/** The latest moment any of these keys is blocked until, or null. Locks the rows it reads. */
export async function throttleBlock(tx: Tx, keys: string[], now: Date): Promise<Date | null> {
  const rows = await tx
    .select({
      failures: authThrottle.failures,
      windowStartedAt: authThrottle.windowStartedAt,
      blockedUntil: authThrottle.blockedUntil,
    })
    .from(authThrottle)
    .where(inArray(authThrottle.key, keys))
    .for("update");
  let latest: Date | null = null;
  for (const row of rows) {
    const until = blockedUntil(row, now);
    if (until && (!latest || until > latest)) latest = until;
  }
  return latest;
}

/** Counts one failure against a key (upsert, so concurrent instances share the counter). */
export async function throttleFailure(tx: Tx, key: string, limits: Limits, now: Date) {
  const [current] = await tx
    .select({
      failures: authThrottle.failures,
      windowStartedAt: authThrottle.windowStartedAt,
      blockedUntil: authThrottle.blockedUntil,
    })
    .from(authThrottle)
    .where(sql`${authThrottle.key} = ${key}`)
    .for("update");
  const next: ThrottleState = recordFailure(current, limits, now);
  await tx
    .insert(authThrottle)
    .values({ key, ...next, updatedAt: now })
    .onConflictDoUpdate({ target: authThrottle.key, set: { ...next, updatedAt: now } });
  return next;
}

export async function throttleReset(tx: Tx, key: string) {
  await tx.delete(authThrottle).where(sql`${authThrottle.key} = ${key}`);
}
