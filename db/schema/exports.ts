import { sql } from "drizzle-orm";
import { bigint, index, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { tstz } from "./columns";
import { ownerId } from "./users";

export const exportStatus = pgEnum("export_status", ["running", "completed", "failed"]);
export const exportFormat = pgEnum("export_format", ["json", "zip", "csv", "html"]);

/**
 * Each portability export a user started: metadata only, never the data itself (exports are
 * streamed, not stored). A 'running' row is also the cross-instance lock that allows one export
 * at a time per user (the partial unique index); rows left 'running' by a crashed instance go
 * stale after a while (lib/dal/export/history.ts).
 */
export const exportHistory = pgTable(
  "export_history",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    status: exportStatus().notNull().default("running"),
    format: exportFormat().notNull(),
    categories: text().array().notNull(),
    rangeFrom: tstz(),
    rangeTo: tstz(),
    startedAt: tstz().notNull().defaultNow(),
    finishedAt: tstz(),
    rows: bigint({ mode: "number" }),
    sizeBytes: bigint({ mode: "number" }),
    sha256: text(),
    ip: text(),
    error: text(),
  },
  (t) => [
    index("export_history_user_started_idx").on(t.userId, t.startedAt.desc(), t.id.desc()),
    uniqueIndex("export_history_one_running_uq")
      .on(t.userId)
      .where(sql`${t.status} = 'running'`),
  ],
);
