import {
  bigint,
  boolean,
  index,
  inet,
  jsonb,
  pgEnum,
  pgTable,
  text,
  uuid,
  integer,
} from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { ownerId, users } from "./users";

export const newsletterState = pgEnum("newsletter_state", ["off", "pending", "confirmed"]);

/** The user's current marketing choices. Every change is also appended to consent_events. */
export const marketingPreferences = pgTable("marketing_preferences", {
  userId: uuid()
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  newsletter: newsletterState().notNull().default("off"),
  /** product_announcements, software_updates, new_content */
  topics: text().array().notNull().default([]),
  /** May we record that an email was opened (pixel)? Off unless the user turns it on. */
  openTracking: boolean().notNull().default(false),
  /** May we record which links were clicked? Off unless the user turns it on. */
  clickTracking: boolean().notNull().default(false),
  /** May we use activity to tailor marketing? Objection turns it off immediately. */
  profiling: boolean().notNull().default(false),
  confirmedAt: tstz(),
  updatedAt: tstz().notNull().defaultNow(),
});

export const engagementKind = pgEnum("email_engagement_kind", ["open", "click"]);

export const emailEngagementEvents = pgTable(
  "email_engagement_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    campaign: text().notNull(),
    kind: engagementKind().notNull(),
    url: text(),
    occurredAt: tstz().notNull().defaultNow(),
    ip: inet(),
    userAgent: text(),
  },
  (t) => [
    index("email_engagement_events_user_time_idx").on(t.userId, t.occurredAt.desc(), t.id.desc()),
  ],
);

export const consentScope = pgEnum("consent_scope", ["cookies", "marketing"]);
export const consentMethod = pgEnum("consent_method", [
  "accept_all",
  "reject_all",
  "custom",
  "gpc",
  "gpc_override",
  "withdraw",
  "preferences",
  "double_opt_in",
  "unsubscribe",
]);

/**
 * Append-only record of every consent choice (a trigger refuses UPDATE and DELETE except the
 * erasure cascade). A visitor is known only by a random device id.
 */
export const consentEvents = pgTable(
  "consent_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    deviceId: uuid(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    scope: consentScope().notNull(),
    bannerRevision: integer(),
    policyVersion: text().notNull(),
    /** vendor or purpose id -> granted */
    decisions: jsonb().$type<Record<string, boolean>>().notNull(),
    method: consentMethod().notNull(),
    language: text().notNull(),
    occurredAt: tstz().notNull().defaultNow(),
    /** The client IP with the host part zeroed (/24 for IPv4, /48 for IPv6). */
    ipTruncated: text(),
  },
  (t) => [
    index("consent_events_user_time_idx").on(t.userId, t.occurredAt.desc(), t.id.desc()),
    index("consent_events_device_time_idx").on(t.deviceId, t.occurredAt.desc(), t.id.desc()),
  ],
);
