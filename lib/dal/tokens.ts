import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import type { Tx } from "@/db";
import { verificationTokens } from "@/db/schema";
import { randomToken, sha256Hex } from "@/lib/crypto";

type Purpose = (typeof verificationTokens.$inferInsert)["purpose"];

/** Makes a single-use emailed link token. Only its SHA-256 is stored. Returns the raw token. */
export async function issueLinkToken(
  tx: Tx,
  input: { userId: string; purpose: Purpose; hours: number; newEmail?: string },
): Promise<string> {
  const token = randomToken("", 32);
  // Older unused links for the same purpose stop working: only the newest one counts.
  await tx
    .update(verificationTokens)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(verificationTokens.userId, input.userId),
        eq(verificationTokens.purpose, input.purpose),
        isNull(verificationTokens.usedAt),
      ),
    );
  await tx.insert(verificationTokens).values({
    userId: input.userId,
    purpose: input.purpose,
    tokenHash: sha256Hex(token),
    newEmail: input.newEmail ?? null,
    expiresAt: new Date(Date.now() + input.hours * 3_600_000),
  });
  return token;
}

export type LinkCheck =
  | { status: "ok"; id: string; userId: string; newEmail: string | null }
  | { status: "invalid" | "used" | "expired" };

/** Claims a link token inside the caller's transaction: it can succeed once. */
export async function consumeLinkToken(
  tx: Tx,
  token: string,
  purpose: Purpose,
): Promise<LinkCheck> {
  if (!/^[A-Za-z0-9_-]{20,200}$/.test(token)) return { status: "invalid" };
  const [row] = await tx
    .select({
      id: verificationTokens.id,
      userId: verificationTokens.userId,
      newEmail: verificationTokens.newEmail,
      expiresAt: verificationTokens.expiresAt,
      usedAt: verificationTokens.usedAt,
    })
    .from(verificationTokens)
    .where(
      and(
        eq(verificationTokens.tokenHash, sha256Hex(token)),
        eq(verificationTokens.purpose, purpose),
      ),
    )
    .for("update");
  if (!row) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() < Date.now()) return { status: "expired" };
  await tx
    .update(verificationTokens)
    .set({ usedAt: new Date() })
    .where(eq(verificationTokens.id, row.id));
  return { status: "ok", id: row.id, userId: row.userId, newEmail: row.newEmail };
}
