import {
  bigint,
  boolean,
  index,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { users } from "./users";

export const requestKind = pgEnum("privacy_request_kind", [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "withdraw_consent",
  "other",
]);

export const requestStatus = pgEnum("privacy_request_status", [
  "received",
  "in_progress",
  "extended",
  "completed",
  "denied",
  "cancelled",
]);

/**
 * A data-subject request. Kept after erasure as proof that the request was handled (legal
 * obligation), with the requester's identity removed: user_id is set null, email cleared.
 */
export const privacyRequests = pgTable(
  "privacy_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    /** Human reference such as "PR-7K2M-Q9". */
    reference: text().notNull().unique(),
    userId: uuid().references(() => users.id, { onDelete: "set null" }),
    /** For requests made without an account (locked out, not a customer). */
    requesterEmail: text(),
    kind: requestKind().notNull(),
    status: requestStatus().notNull().default("received"),
    details: text(),
    createdAt: createdAt(),
    dueAt: tstz().notNull(),
    extendedAt: tstz(),
    extensionReason: text(),
    closedAt: tstz(),
    /** For erasure: when the grace period ends and the data goes. */
    scheduledFor: tstz(),
  },
  (t) => [
    index("privacy_requests_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("privacy_requests_open_due_idx").on(t.status, t.dueAt),
  ],
);

export const privacyRequestEvents = pgTable(
  "privacy_request_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    requestId: uuid()
      .notNull()
      .references(() => privacyRequests.id, { onDelete: "cascade" }),
    /** Staff member or the user; an erased actor leaves the event without a name. */
    actorId: uuid().references(() => users.id, { onDelete: "set null" }),
    kind: text().notNull(),
    note: text(),
    occurredAt: tstz().notNull().defaultNow(),
  },
  (t) => [index("privacy_request_events_request_time_idx").on(t.requestId, t.occurredAt, t.id)],
);

/**
 * How far an erasure has got, per table: rows deleted so far (committed batch by batch, in the
 * same transaction as the batch) and whether the table is done. A crashed run resumes from here
 * and the receipt's counts stay right. Holds counts only, no personal data; goes with its request.
 */
export const erasureProgress = pgTable(
  "erasure_progress",
  {
    requestId: uuid()
      .notNull()
      .references(() => privacyRequests.id, { onDelete: "cascade" }),
    /** SQL table name, or a step name such as "receipt". */
    step: text().notNull(),
    rows: bigint({ mode: "number" }).notNull().default(0),
    done: boolean().notNull().default(false),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.step] })],
);

/**
 * A request made through the public form, waiting for its email address to be proved. Not a
 * request yet (the clock has not started): following the mailed link turns it into one and
 * deletes this row; unfollowed, it expires. Only the token's hash is stored.
 */
export const pendingPrivacyRequests = pgTable(
  "pending_privacy_requests",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    kind: requestKind().notNull(),
    details: text(),
    tokenHash: text().notNull().unique(),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
  },
  (t) => [index("pending_privacy_requests_expires_idx").on(t.expiresAt)],
);
