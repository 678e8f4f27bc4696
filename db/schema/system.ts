import { bigint, index, integer, jsonb, pgEnum, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { users } from "./users";

/**
 * Tamper-evident, append-only audit trail (lib/dal/audit/chain.ts). `hash` = HMAC-SHA256, keyed
 * with the audit key, over the previous row's hash, every non-personal field and
 * `personal_digest`; `personal_digest` = HMAC over the personal fields (actor_id, subject_id, ip,
 * details) and `personal_salt`. Erasure clears the personal fields and the salt and keeps the
 * digest, so the chain still verifies and the digest no longer links to anyone. Rows written
 * before the keyed chain have no digest (a legacy segment, unkeyed SHA-256 over the non-personal
 * fields). No foreign keys: the trail outlives the accounts it mentions. Triggers refuse DELETE
 * and every UPDATE except that erasure.
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
    /** Random per row; cleared by erasure so the kept digest links to no one. */
    personalSalt: text(),
    /** HMAC over the personal fields and salt; null only on rows from before the keyed chain. */
    personalDigest: text(),
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
