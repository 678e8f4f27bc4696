import { sql } from "drizzle-orm";
import { boolean, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";

export const userRole = pgEnum("user_role", ["user", "agent", "admin"]);
export const userLanguage = pgEnum("user_language", ["en", "nl"]);

export const users = pgTable(
  "users",
  {
    id: uuid().primaryKey().defaultRandom(),
    email: text().notNull(),
    emailVerifiedAt: tstz(),
    passwordHash: text(),
    name: text().notNull(),
    company: text(),
    /** ISO 3166-1 alpha-2 */
    country: text(),
    phone: text(),
    language: userLanguage().notNull().default("en"),
    role: userRole().notNull().default("user"),
    /** Set by "this wasn't me": the next sign-in must choose a new password. */
    mustChangePassword: boolean().notNull().default(false),
    createdAt: tstz().notNull().defaultNow(),
    updatedAt: tstz().notNull().defaultNow(),
  },
  (t) => [
    // Emails are compared case-insensitively; the unique index makes sign-up race-free.
    uniqueIndex("users_email_lower_uq").on(sql`lower(${t.email})`),
    index("users_role_idx").on(t.role),
  ],
);

export type User = typeof users.$inferSelect;

/** The owner of a row. Deleting the user deletes the row (the erasure rule for most data). */
export const ownerId = () =>
  uuid()
    .notNull()
    .references(() => users.id, { onDelete: "cascade" });
