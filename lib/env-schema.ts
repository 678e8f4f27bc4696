import { z } from "zod";

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no", ""])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\//, "must be a postgres:// or postgresql:// URL");

/** Every setting the app reads. Kept apart from env.ts so scripts and tests can parse too. */
export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** PostgreSQL server. Unset: the embedded PGlite database under PGLITE_DATA_DIR. */
  DATABASE_URL: postgresUrl.optional(),
  /** Folder for the embedded database, or memory:// for a throwaway one. */
  PGLITE_DATA_DIR: z.string().min(1).default(".data/pglite"),
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(200).default(10),
  /** Signs session cookies. Required with DATABASE_URL in production (all instances share it). */
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * Keys the audit chain (HMAC-SHA256). Unset: derived from AUTH_SECRET; see lib/dal/audit/key.ts.
   * Must never change once rows are written with it.
   */
  AUDIT_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  /**
   * File the audit chain's checkpoints are appended to (outside the database). Unset: a file in
   * the embedded database's folder, none for PostgreSQL (checkpoints then go to the log only).
   */
  AUDIT_CHECKPOINT_FILE: z.string().min(1).optional(),
  /** Public base URL, used in links inside emails. Default: http://localhost:$PORT. */
  APP_URL: z.url().optional(),
  /** smtp://user:pass@host:port — unset: mail stays in the outbox (mailbox page in development). */
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "must be an smtp:// or smtps:// URL")
    .optional(),
  MAIL_FROM: z.string().min(3).default("Privacy Center <privacy-center@localhost>"),
  /** Comma-separated IPs or CIDRs of reverse proxies whose X-Forwarded-For we believe. */
  TRUSTED_PROXIES: z.string().default(""),
  /** Seed demo data into an empty database at start (default: only for the embedded database). */
  SEED_DEMO_DATA: bool.optional(),
  /** Where server.ts listens. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Portability exports one account may start in any 24 hours. */
  EXPORT_DAILY_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Exports one app instance streams at once; more get 429 with Retry-After. */
  EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(4),
  /** Minutes since the password was last entered within which an export may start. */
  EXPORT_REAUTH_MINUTES: z.coerce.number().min(0.05).max(60).default(10),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
});

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL"> & { APP_URL: string };

/** Parses a process environment; a bad value throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  const data = result.data;
  return {
    ...data,
    APP_URL: (data.APP_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ""),
  };
}
