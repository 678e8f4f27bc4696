import {
  boolean,
  index,
  inet,
  integer,
  pgEnum,
  pgTable,
  text,
  uuid,
  bigint,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { ownerId, users } from "./users";
// support.ts imports this file too; the references below are lazy, so the cycle is harmless.
import { supportAccessGrants } from "./support";

/**
 * A signed-in browser. The session cookie carries only this id (inside a signed JWT); every
 * request checks the row, so revoking it takes effect at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    createdAt: createdAt(),
    lastSeenAt: tstz().notNull().defaultNow(),
    expiresAt: tstz().notNull(),
    revokedAt: tstz(),
    revokedReason: text(),
    ip: inet(),
    userAgent: text(),
    /** "Firefox on Linux", derived from the user agent when the session starts. */
    device: text(),
    /** Last time the password was re-entered in this session (step-up). */
    reauthenticatedAt: tstz(),
    /** Set when a support agent views this user's account; such sessions are read-only. */
    impersonatorId: uuid().references(() => users.id, { onDelete: "cascade" }),
    readOnly: boolean().notNull().default(false),
    /**
     * Impersonation only: the agent's own session, restored when the view ends (and the view
     * ends with it), and the user's grant it was opened under (null for an admin's break-glass).
     */
    parentSessionId: uuid().references((): AnyPgColumn => sessions.id, { onDelete: "cascade" }),
    supportGrantId: uuid().references(() => supportAccessGrants.id, { onDelete: "cascade" }),
  },
  (t) => [
    index("sessions_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("sessions_impersonator_idx").on(t.impersonatorId),
  ],
);

export const loginOutcome = pgEnum("login_outcome", ["success", "failure"]);

/** Every sign-in attempt against an existing account, successful or not. */
export const loginEvents = pgTable(
  "login_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    occurredAt: tstz().notNull().defaultNow(),
    ip: inet(),
    userAgent: text(),
    outcome: loginOutcome().notNull(),
    /** ok, bad_password, throttled, unverified, must_change_password … */
    reason: text().notNull(),
    sessionId: uuid().references(() => sessions.id, { onDelete: "set null" }),
  },
  (t) => [index("login_events_user_time_idx").on(t.userId, t.occurredAt.desc(), t.id.desc())],
);

/**
 * Failed-attempt counters shared by every app instance. The key is a hash of "account:<id>" or
 * "ip:<address>", so the table holds no personal data in the clear.
 */
export const authThrottle = pgTable("auth_throttle", {
  key: text().primaryKey(),
  failures: integer().notNull().default(0),
  windowStartedAt: tstz().notNull().defaultNow(),
  blockedUntil: tstz(),
  /**
   * Attempts refused while blocked, in this window: counted here, one row per key, instead of a
   * sign-in history and audit row each, so a blocked flood costs one small update per attempt.
   */
  blockedAttempts: integer().notNull().default(0),
  updatedAt: tstz().notNull().defaultNow(),
});

export const verificationPurpose = pgEnum("verification_purpose", [
  "verify_email",
  "change_email",
  "reset_password",
  "newsletter_opt_in",
]);

/** Single-use links sent by email; only the SHA-256 of the token is stored. */
export const verificationTokens = pgTable(
  "verification_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    purpose: verificationPurpose().notNull(),
    tokenHash: text().notNull().unique(),
    /** For change_email: the address that becomes the account's once confirmed. */
    newEmail: text(),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
    usedAt: tstz(),
  },
  (t) => [index("verification_tokens_user_idx").on(t.userId, t.purpose)],
);

export const tokenKind = pgEnum("access_token_kind", ["printer", "cura"]);

/** API tokens that printers and Cura use to push data; only a hash of the secret is kept. */
export const accessTokens = pgTable(
  "access_tokens",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    name: text().notNull(),
    kind: tokenKind().notNull(),
    scopes: text().array().notNull(),
    /** First characters of the secret, shown so a person can tell tokens apart. */
    prefix: text().notNull(),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    lastUsedAt: tstz(),
    lastUsedIp: inet(),
    expiresAt: tstz(),
    revokedAt: tstz(),
  },
  (t) => [index("access_tokens_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc())],
);
