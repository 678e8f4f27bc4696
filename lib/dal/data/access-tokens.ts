import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { getDb } from "@/db";
import { accessTokens } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { randomToken, sha256Hex } from "@/lib/crypto";
import type { createTokenSchema } from "@/lib/validation/data";
import type { z } from "zod";

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
};

/** The user's tokens, newest first. Never the hash: the secret was shown once, at creation. */
export async function listMyAccessTokens(): Promise<AccessTokenDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  return db
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
    .limit(500);
}

/**
 * Creates a token and returns its secret, the only time anyone sees it: the database keeps its
 * SHA-256 and first characters. The secret never goes into the audit details.
 */
export async function createMyAccessToken(
  input: z.output<typeof createTokenSchema>,
): Promise<{ id: string; secret: string; prefix: string }> {
  const session = await requireWritable();
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
