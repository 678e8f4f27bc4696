import "server-only";
import { createHmac } from "node:crypto";
import { authSecret } from "@/lib/auth/secret";
import { env } from "@/lib/env";

/**
 * Public, fixed key for development and tests without AUDIT_KEY or AUTH_SECRET: stable across
 * restarts and processes (the CLI verifies what the app wrote), and no protection at all.
 */
const DEVELOPMENT_KEY_SEED = "privacy-center development audit key (public, not a secret)";
const DERIVATION_LABEL = "privacy-center/audit-chain/v1";

let cached: Buffer | undefined;

const derive = (secret: string) => createHmac("sha256", secret).update(DERIVATION_LABEL).digest();

/**
 * The key of the audit chain's HMACs, in this order:
 * 1. AUDIT_KEY, as given (recommended: then rotating AUTH_SECRET never touches the chain);
 * 2. derived from AUTH_SECRET (HMAC-SHA256 of a fixed label, so the session key itself is never
 *    used for two purposes);
 * 3. in production on PostgreSQL, neither being set is an error;
 * 4. in tests, a fixed, public development key: the CLI under test runs in another process and
 *    must verify what the test wrote;
 * 5. on the embedded database, derived from its session key file (lib/auth/secret.ts), so the
 *    app, `npm run db:seed` and `npm run audit:verify` on one data folder agree;
 * 6. otherwise (PostgreSQL in development) the fixed development key.
 * The key must stay the same for the life of the log: rows written under another key no longer
 * verify. Never logged.
 */
export function auditKey(): Buffer {
  if (cached) return cached;
  if (env.AUDIT_KEY) return (cached = Buffer.from(env.AUDIT_KEY, "utf8"));
  if (env.AUTH_SECRET) return (cached = derive(env.AUTH_SECRET));
  if (env.DATABASE_URL && env.NODE_ENV === "production") {
    throw new Error(
      "AUDIT_KEY: required when running in production against PostgreSQL (or set AUTH_SECRET). Generate one with `openssl rand -hex 32`.",
    );
  }
  if (env.NODE_ENV === "test" || env.DATABASE_URL) return (cached = derive(DEVELOPMENT_KEY_SEED));
  return (cached = derive(authSecret()));
}
