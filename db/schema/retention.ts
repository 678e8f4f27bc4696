import { sql } from "drizzle-orm";
import { check, integer, pgTable, primaryKey, text } from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { ownerId } from "./users";

/**
 * A holder's auto-delete choice: items of `category` (a catalog id that allows it) go after
 * `months` instead of the catalog's period. No row = the standard period. The retention job
 * (lib/dal/retention/purge.ts) honours it; the category's "why" panel shows it.
 */
export const autoDeleteChoices = pgTable(
  "auto_delete_choices",
  {
    userId: ownerId(),
    category: text().notNull(),
    months: integer().notNull(),
    chosenAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.category] }),
    check("auto_delete_choices_months_ck", sql`${t.months} in (3, 18, 36)`),
  ],
);
