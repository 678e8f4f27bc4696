import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { accessTokens, ingestRefusals } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { takeBudget, throttleKey } from "@/lib/dal/throttle";
import { TOKEN_CREATION_LIMITS } from "@/lib/auth/throttle-policy";
import { randomToken, sha256Hex } from "@/lib/crypto";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import type { createTokenSchema, TokenScope } from "@/lib/validation/data";
import type { z } from "zod";

/** What the ingestion API refused from one token, for one category and reason. */
export type TokenRefusalDTO = {
  category: string;
  reason: (typeof ingestRefusals.$inferSelect)["reason"];
  items: number;
  requests: number;
  firstAt: Date;
  lastAt: Date;
};

export type AccessTokenDTO = {
  id: string;
  name: string;
  kind: "printer" | "cura";
  scopes: string[];
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
  lastUsedIp: string | null;
  revokedAt: Date | null;
  /** What the API did not store from this token, latest first. */
  refusals: TokenRefusalDTO[];
};

/**
 * The user's tokens, newest first, each with what the ingestion API refused from it. Never the
 * hash: the secret was shown once, at creation.
 */
export async function listMyAccessTokens(): Promise<AccessTokenDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  const [tokens, refusals] = await Promise.all([
    db
      .select({
        id: accessTokens.id,
        name: accessTokens.name,
        kind: accessTokens.kind,
        scopes: accessTokens.scopes,
        prefix: accessTokens.prefix,
        createdAt: accessTokens.createdAt,
        lastUsedAt: accessTokens.lastUsedAt,
        lastUsedIp: accessTokens.lastUsedIp,
        revokedAt: accessTokens.revokedAt,
      })
      .from(accessTokens)
      .where(eq(accessTokens.userId, user.id))
      .orderBy(desc(accessTokens.createdAt), desc(accessTokens.id))
      .limit(500),
    // At most 4 categories × 3 reasons per token: a handful of rows per token.
    db
      .select({
        tokenId: ingestRefusals.tokenId,
        category: ingestRefusals.category,
        reason: ingestRefusals.reason,
        items: ingestRefusals.items,
        requests: ingestRefusals.requests,
        firstAt: ingestRefusals.firstAt,
        lastAt: ingestRefusals.lastAt,
      })
      .from(ingestRefusals)
      .where(eq(ingestRefusals.userId, user.id))
      .orderBy(desc(ingestRefusals.lastAt))
      .limit(6000),
  ]);
  const byToken = new Map<string, TokenRefusalDTO[]>();
  for (const { tokenId, ...r } of refusals) {
    byToken.set(tokenId, [...(byToken.get(tokenId) ?? []), r]);
  }
  return tokens.map((t) => ({ ...t, refusals: byToken.get(t.id) ?? [] }));
}

/**
 * Creates a token and returns its secret, the only time anyone sees it: the database keeps its
 * SHA-256 and first characters. The secret never goes into the audit details.
 */
export async function createMyAccessToken(
  input: z.output<typeof createTokenSchema>,
): Promise<{ id: string; secret: string; prefix: string }> {
  const session = await requireWritable();
  // Each token has its own API rate limit, so their number is limited too.
  await takeBudget(
    "access tokens",
    throttleKey.tokensCreatedBy(session.user.id),
    TOKEN_CREATION_LIMITS,
  );
  return insertToken(session, input);
}

/** The demo holder's sign-in (db/seed/accounts.ts); only they get a simulator token this way. */
const DEMO_HOLDER_EMAIL = "demo@example.com";
const SIMULATOR_SCOPES: TokenScope[] = [
  "printers:write",
  "printers:read",
  "print-jobs:write",
  "print-jobs:read",
  "diagnostics:write",
];

/**
 * A fresh printer token for the printer simulator (`npm run simulate -- --demo`), for the demo
 * account only and only in development or DEMO_MODE, where that account's password is
 * published anyway. Refused everywhere else, so a real deployment never hands one out.
 */
export async function createDemoSimulatorToken(): Promise<{
  id: string;
  secret: string;
  prefix: string;
}> {
  if (env.NODE_ENV !== "development" && !env.DEMO_MODE) {
    throw new AppError({
      code: "forbidden",
      status: 404,
      title: "Not available",
      message: "Simulator tokens are only handed out in development or demo mode.",
    });
  }
  const session = await requireWritable();
  if (session.user.email.toLowerCase() !== DEMO_HOLDER_EMAIL) {
    throw new AppError({
      code: "forbidden",
      status: 403,
      title: "Demo account only",
      message: `Only the demo account (${DEMO_HOLDER_EMAIL}) gets a simulator token this way; create a token on the access-tokens page instead.`,
    });
  }
  return insertToken(session, {
    name: `Printer simulator ${new Date().toISOString().slice(0, 16).replace("T", " ")}`,
    kind: "printer",
    scopes: SIMULATOR_SCOPES,
  });
}

async function insertToken(
  session: Awaited<ReturnType<typeof requireWritable>>,
  input: z.output<typeof createTokenSchema>,
): Promise<{ id: string; secret: string; prefix: string }> {
  const db = await getDb();
  const secret = randomToken("pct_");
  const prefix = secret.slice(0, 8);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(accessTokens)
      .values({
        userId: session.user.id,
        name: input.name,
        kind: input.kind,
        scopes: [...input.scopes],
        prefix,
        tokenHash: sha256Hex(secret),
      })
      .returning({ id: accessTokens.id });
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "token.create",
      targetType: "access_token",
      targetId: row!.id,
      details: { name: input.name, kind: input.kind, scopes: input.scopes, prefix },
    });
    return { id: row!.id, secret, prefix };
  });
}

/** Revokes one of the user's live tokens; another user's id (or a revoked token) matches nothing. */
export async function revokeMyAccessToken(id: string): Promise<boolean> {
  const session = await requireWritable();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(accessTokens.id, id),
          eq(accessTokens.userId, session.user.id),
          isNull(accessTokens.revokedAt),
        ),
      )
      .returning({ id: accessTokens.id, name: accessTokens.name });
    if (!row) return false;
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "token.revoke",
      targetType: "access_token",
      targetId: row.id,
      details: { name: row.name },
    });
    return true;
  });
}
