import "server-only";
import { and, eq, gt, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { accessTokens, ingestRateWindows } from "@/db/schema";
import { sha256Hex } from "@/lib/crypto";

/** The token behind an API request: whose data it may touch and what it may do. */
export type ApiToken = {
  id: string;
  userId: string;
  name: string;
  kind: "printer" | "cura";
  scopes: string[];
  prefix: string;
};

/** How often last_used_at / last_used_ip are written at most: not on every request. */
export const LAST_USED_EVERY_SECONDS = 60;

/**
 * The live token with this secret, or null: unknown, revoked or expired tokens match nothing.
 * Read on every request (one index lookup on the unique hash), so a revocation stops the very
 * next call. The holder is the token's owner row; an erased holder's tokens are gone with it.
 */
export async function authenticateApiToken(secret: string): Promise<ApiToken | null> {
  if (!/^pct_[A-Za-z0-9_-]{10,200}$/.test(secret)) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      id: accessTokens.id,
      userId: accessTokens.userId,
      name: accessTokens.name,
      kind: accessTokens.kind,
      scopes: accessTokens.scopes,
      prefix: accessTokens.prefix,
    })
    .from(accessTokens)
    .where(
      and(
        eq(accessTokens.tokenHash, sha256Hex(secret)),
        isNull(accessTokens.revokedAt),
        or(isNull(accessTokens.expiresAt), gt(accessTokens.expiresAt, sql`now()`)),
      ),
    );
  return row ?? null;
}

/**
 * Records that the token was used, from where: a conditional UPDATE that matches only when the
 * last record is older than a minute, so a busy printer costs one write a minute, not one per
 * request. Returns whether it wrote.
 */
export async function touchApiToken(tokenId: string, ip: string | null): Promise<boolean> {
  const db = await getDb();
  const rows = await db
    .update(accessTokens)
    .set({ lastUsedAt: sql`now()`, lastUsedIp: ip })
    .where(
      and(
        eq(accessTokens.id, tokenId),
        or(
          isNull(accessTokens.lastUsedAt),
          lt(
            accessTokens.lastUsedAt,
            sql`now() - make_interval(secs => ${LAST_USED_EVERY_SECONDS})`,
          ),
        ),
      ),
    )
    .returning({ id: accessTokens.id });
  return rows.length > 0;
}

export type RateDecision = { allowed: boolean; count: number; retryAfterSeconds: number };

/**
 * Counts one request against the token's fixed 60-second window, shared by every instance:
 * one upsert whose returned count is exact under concurrency (the row lock serialises the
 * increments), so of N+k simultaneous requests exactly N are allowed.
 */
export async function takeApiRate(tokenId: string, limitPerMinute: number): Promise<RateDecision> {
  const db = await getDb();
  const w = ingestRateWindows;
  const [row] = await db
    .insert(w)
    .values({ tokenId, windowStart: sql`date_trunc('minute', now())`, count: 1 })
    .onConflictDoUpdate({ target: [w.tokenId, w.windowStart], set: { count: sql`${w.count} + 1` } })
    .returning({
      count: w.count,
      retryAfter: sql<number>`greatest(1, ceil(extract(epoch from (${w.windowStart} + interval '1 minute' - now()))))::int`,
    });
  const count = row!.count;
  return {
    allowed: count <= limitPerMinute,
    count,
    retryAfterSeconds: Number(row!.retryAfter),
  };
}
