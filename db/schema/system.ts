import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { users } from "./users";

/**
 * Tamper-evident, append-only audit trail. `hash` = SHA-256 over the previous row's hash and
 * this row's non-personal fields (id, occurred_at, action, target_type, target_id, actor_role),
 * so erasing a person (clearing actor_id, subject_id, ip and details) never breaks the chain.
 * No foreign keys: the trail outlives the accounts it mentions. Triggers refuse DELETE and any
 * UPDATE other than that erasure.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    occurredAt: tstz().notNull().defaultNow(),
    actorId: uuid(),
    actorRole: text().notNull(),
    subjectId: uuid(),
    action: text().notNull(),
    targetType: text(),
    targetId: text(),
    ip: text(),
    details: jsonb().$type<Record<string, unknown>>(),
    prevHash: text().notNull(),
    hash: text().notNull(),
  },
  (t) => [
    index("audit_log_subject_time_idx").on(t.subjectId, t.occurredAt.desc(), t.id.desc()),
    index("audit_log_action_time_idx").on(t.action, t.occurredAt.desc()),
  ],
);

export const outboxStatus = pgEnum("email_outbox_status", ["pending", "sending", "sent", "failed"]);

/** Mail is written here first (in the transaction that caused it) and delivered by a worker. */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: uuid().references(() => users.id, { onDelete: "cascade" }),
    kind: text().notNull(),
    toAddress: text().notNull(),
    subject: text().notNull(),
    textBody: text().notNull(),
    htmlBody: text(),
    headers: jsonb().$type<Record<string, string>>(),
    status: outboxStatus().notNull().default("pending"),
    attempts: integer().notNull().default(0),
    nextAttemptAt: tstz().notNull().defaultNow(),
    lastError: text(),
    createdAt: createdAt(),
    sentAt: tstz(),
  },
  (t) => [
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
  ],
);
