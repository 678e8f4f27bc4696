import { bigint, index, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { ownerId, users } from "./users";
import { sessions } from "./auth";

/** The user's permission for support to look at their account, per ticket and for a time. */
export const supportAccessGrants = pgTable(
  "support_access_grants",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    ticketRef: text().notNull(),
    createdAt: createdAt(),
    expiresAt: tstz().notNull(),
    revokedAt: tstz(),
  },
  (t) => [
    index("support_access_grants_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const staffAccessKind = pgEnum("staff_access_kind", [
  "start",
  "page_view",
  "write_refused",
  "end",
  "break_glass",
]);

/** Everything a staff member did while looking at a user's account. Shown to the user. */
export const staffAccessEvents = pgTable(
  "staff_access_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    // An agent who leaves keeps their history readable: the event survives, unnamed.
    agentId: uuid().references(() => users.id, { onDelete: "set null" }),
    agentDisplayName: text().notNull(),
    grantId: uuid().references(() => supportAccessGrants.id, { onDelete: "set null" }),
    sessionId: uuid().references(() => sessions.id, { onDelete: "set null" }),
    ticketRef: text(),
    kind: staffAccessKind().notNull(),
    path: text(),
    reason: text(),
    occurredAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    index("staff_access_events_user_time_idx").on(t.userId, t.occurredAt.desc(), t.id.desc()),
    index("staff_access_events_agent_time_idx").on(t.agentId, t.occurredAt.desc()),
  ],
);

export const disclosureRecipient = pgEnum("disclosure_recipient_kind", [
  "reseller",
  "service_partner",
  "affiliate",
  "advisor",
  "investor",
  "authority",
]);

/** Records of personal data handed to a third party (art. 15(1)(c) recipients, made concrete). */
export const thirdPartyDisclosures = pgTable(
  "third_party_disclosures",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    recipientKind: disclosureRecipient().notNull(),
    recipientName: text().notNull(),
    country: text(),
    purpose: text().notNull(),
    categories: text().array().notNull(),
    legalBasis: text().notNull(),
    disclosedAt: tstz().notNull(),
    reference: text(),
  },
  (t) => [
    index("third_party_disclosures_user_time_idx").on(t.userId, t.disclosedAt.desc(), t.id.desc()),
  ],
);
