import { createHash, randomBytes } from "node:crypto";

/** SHA-256 hex of a secret; what the database keeps instead of tokens and links. */
export function sha256Hex(value: string | Buffer): string {
  return createHash("sha256").update(value).digest("hex");
}

/** A URL-safe random secret with the given prefix, e.g. "pct_…" for API tokens. */
export function randomToken(prefix = "", bytes = 32): string {
  return prefix + randomBytes(bytes).toString("base64url");
}
