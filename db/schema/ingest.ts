import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  smallint,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { accessTokens } from "./auth";
import { ownerId } from "./users";

/** Why the ingestion API stored nothing of what a token sent. */
export const ingestRefusalReason = pgEnum("ingest_refusal_reason", [
  /** The holder restricted processing of the category (art. 18). */
  "restricted",
  /** The holder objected to the category's processing (art. 21); the items were dropped. */
  "objected",
  /** The account is in its erasure grace period. */
  "erasure_pending",
]);

/**
 * What the ingestion API refused, counted per token, category and reason, so the holder can
 * see "your printer tried to send 120 status updates while you had this restricted". One row
 * per (token, category, reason), bumped in place: a flood costs one small update per request.
 */
export const ingestRefusals = pgTable(
  "ingest_refusals",
  {
    tokenId: uuid()
      .notNull()
      .references(() => accessTokens.id, { onDelete: "cascade" }),
    userId: ownerId(),
    /** A catalog category id: printers, print-jobs, cura-configuration, diagnostics. */
    category: text().notNull(),
    reason: ingestRefusalReason().notNull(),
    /** Items refused (events, jobs, samples, versions, bundles), not requests. */
    items: bigint({ mode: "number" }).notNull().default(0),
    requests: integer().notNull().default(0),
    firstAt: tstz().notNull().defaultNow(),
    lastAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.category, t.reason] }),
    index("ingest_refusals_user_idx").on(t.userId),
  ],
);

/**
 * Answers to requests that carried an Idempotency-Key, kept for a day: the same key from the
 * same token with the same body gets the stored answer and stores nothing again; the same key
 * with another body is refused. Responses hold server ids and counts, never what was sent.
 */
export const ingestIdempotency = pgTable(
  "ingest_idempotency",
  {
    tokenId: uuid()
      .notNull()
      .references(() => accessTokens.id, { onDelete: "cascade" }),
    key: text().notNull(),
    /** SHA-256 of method, path and body. */
    requestHash: text().notNull(),
    status: smallint().notNull(),
    response: jsonb().$type<unknown>().notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.key] }),
    index("ingest_idempotency_created_idx").on(t.createdAt),
  ],
);

/**
 * Requests per token per fixed window, shared by every app instance: one upsert per request
 * (`on conflict … do update set count = count + 1 returning count`). Old windows are deleted.
 */
export const ingestRateWindows = pgTable(
  "ingest_rate_windows",
  {
    tokenId: uuid()
      .notNull()
      .references(() => accessTokens.id, { onDelete: "cascade" }),
    windowStart: tstz().notNull(),
    count: integer().notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.tokenId, t.windowStart] }),
    index("ingest_rate_windows_start_idx").on(t.windowStart),
  ],
);
