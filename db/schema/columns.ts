import { timestamp } from "drizzle-orm/pg-core";

/** Every time in the database is a timestamp with time zone, read as a JS Date. */
export const tstz = () => timestamp({ withTimezone: true, mode: "date" });

export const createdAt = () => tstz().notNull().defaultNow();
