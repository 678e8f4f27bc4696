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
  /**
   * Seed demo data into an empty database at start. Development default: only for the embedded
   * database. A production start seeds only with DEMO_MODE=true and SEED_DEMO_DATA=true.
   */
  SEED_DEMO_DATA: bool.optional(),
  /**
   * A demonstration (or the test suite) against a production build: every page says "Demo",
   * demo sign-ins with published passwords are allowed. Never for a real deployment.
   */
  DEMO_MODE: bool.optional(),
  /** Where server.ts listens. */
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  HOST: z.string().min(1).default("0.0.0.0"),
  /** Portability exports one account may start in any 24 hours. */
  EXPORT_DAILY_LIMIT: z.coerce.number().int().min(1).max(1000).default(10),
  /** Exports one app instance streams at once; more get 429 with Retry-After. */
  EXPORT_MAX_CONCURRENT: z.coerce.number().int().min(1).max(100).default(4),
  /** Minutes since the password was last entered within which an export may start. */
  EXPORT_REAUTH_MINUTES: z.coerce.number().min(0.05).max(60).default(10),
  /** Requests one API token may make per minute (ingestion API); more get 429 with Retry-After. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(600),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error"]).default("info"),
  /** Days from receipt within which a privacy request must be answered (GDPR art. 12(3)). */
  REQUEST_DUE_DAYS: z.coerce.number().int().min(1).max(90).default(30),
  /** The one extension staff may grant, at most two further months (art. 12(3)). */
  REQUEST_MAX_EXTENSION_DAYS: z.coerce.number().int().min(0).max(61).default(61),
  /** Days before the due date at which the holder is reminded if nothing has happened. */
  REQUEST_REMINDER_DAYS: z.coerce.number().int().min(1).max(30).default(7),
  /**
   * Grace period between "delete my account" and the erasure, in days; fractions allowed (the
   * end-to-end tests use a few seconds).
   */
  ERASURE_GRACE_DAYS: z.coerce.number().min(0).max(90).default(30),
  /**
   * How often each background-job worker asks the database for work, in seconds (lib/jobs).
   * The end-to-end tests use a short one so a delayed job runs within seconds.
   */
  JOBS_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** The supervisory authority named on the complaint page. */
  SUPERVISORY_AUTHORITY_NAME: z.string().min(2).default("Autoriteit Persoonsgegevens"),
  SUPERVISORY_AUTHORITY_URL: z.url().default("https://autoriteitpersoonsgegevens.nl"),
});

export type Env = Omit<z.infer<typeof envSchema>, "APP_URL" | "DEMO_MODE"> & {
  APP_URL: string;
  DEMO_MODE: boolean;
};

/** Parses a process environment; a bad value throws one message naming every bad variable. */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, v]) => v !== undefined && v !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    // One line, so a refused start says everything in the line it prints.
    const problems = result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment configuration: ${problems.join("; ")}`);
  }
  const data = result.data;
  return {
    ...data,
    APP_URL: (data.APP_URL ?? `http://localhost:${data.PORT}`).replace(/\/+$/, ""),
    DEMO_MODE: data.DEMO_MODE ?? false,
  };
}

/**
 * Settings that are each valid but must not start a production server together. Checked when a
 * server starts (server.ts, db/startup.ts), not when the environment is parsed: `next build`
 * also runs with NODE_ENV=production and needs no secret. Undefined when the start may go on.
 */
export function productionStartProblem(env: Env): string | undefined {
  if (env.NODE_ENV !== "production") return undefined;
  if (env.DATABASE_URL && !env.AUTH_SECRET) {
    return "AUTH_SECRET: required in production with DATABASE_URL (all instances must share it); generate one with `openssl rand -hex 32`.";
  }
  if (env.SEED_DEMO_DATA && !env.DEMO_MODE) {
    return "SEED_DEMO_DATA: a production start seeds demo sign-ins (published passwords) only together with DEMO_MODE=true, which is never for a real deployment.";
  }
  return undefined;
}

/**
 * Whether an empty database gets demo data at start. Development: when asked, or by default for
 * the embedded database. Production: only when both DEMO_MODE and SEED_DEMO_DATA say so.
 */
export function seedsDemoDataOnStart(env: Env): boolean {
  if (env.NODE_ENV === "production") return env.DEMO_MODE && env.SEED_DEMO_DATA === true;
  return env.SEED_DEMO_DATA ?? !env.DATABASE_URL;
}
