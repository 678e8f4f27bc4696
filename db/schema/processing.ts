import { sql } from "drizzle-orm";
import { bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { ownerId, users } from "./users";

export const processingChoiceKind = pgEnum("processing_choice_kind", ["restriction", "objection"]);

/**
 * Restrictions (GDPR art. 18) and objections (art. 21), as a history: a row is started and,
 * later, lifted; it is never deleted while the account exists. The active ones (lifted_at null)
 * are what the app obeys. The partial unique index makes "one active choice per scope" hold
 * under concurrent clicks. This replaces users.processing_restricted_at, which could say only
 * "everything is restricted" and would be a second truth beside this table.
 */
export const processingChoices = pgTable(
  "processing_choices",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    kind: processingChoiceKind().notNull(),
    /** A catalog category id (restriction, objection) or "profiling" / "direct-marketing". */
    scope: text().notNull(),
    startedAt: tstz().notNull().defaultNow(),
    /** Who switched it on: the holder, or staff acting on a request; null once they are erased. */
    startedBy: uuid().references(() => users.id, { onDelete: "set null" }),
    liftedAt: tstz(),
    liftedBy: uuid().references(() => users.id, { onDelete: "set null" }),
  },
  (t) => [
    uniqueIndex("processing_choices_active_uq")
      .on(t.userId, t.kind, t.scope)
      .where(sql`${t.liftedAt} is null`),
    index("processing_choices_user_time_idx").on(t.userId, t.startedAt.desc(), t.id.desc()),
  ],
);
