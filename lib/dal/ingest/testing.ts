import "server-only";
import { getDb } from "@/db";
import { accessTokens } from "@/db/schema";
import { randomToken, sha256Hex } from "@/lib/crypto";
import type { TokenScope } from "@/lib/validation/data";

/**
 * Tests only: a live access token for `userId`, made straight in the database (the UI path has
 * its own tests). Returns the secret a printer would send.
 */
export async function createTestApiToken(
  userId: string,
  scopes: readonly TokenScope[],
  opts: { kind?: "printer" | "cura"; expiresAt?: Date } = {},
): Promise<{ id: string; secret: string }> {
  const db = await getDb();
  const secret = randomToken("pct_");
  const [row] = await db
    .insert(accessTokens)
    .values({
      userId,
      name: `test token ${secret.slice(4, 10)}`,
      kind: opts.kind ?? "printer",
      scopes: [...scopes],
      prefix: secret.slice(0, 8),
      tokenHash: sha256Hex(secret),
      expiresAt: opts.expiresAt ?? null,
    })
    .returning({ id: accessTokens.id });
  return { id: row!.id, secret };
}
