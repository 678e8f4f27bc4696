import {
  index,
  integer,
  jsonb,
  pgTable,
  text,
  uniqueIndex,
  uuid,
  bigint,
  pgEnum,
} from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { ownerId } from "./users";
import { printers } from "./printers";

/** One saved version of a Cura settings profile. Versions are immutable; a change adds one. */
export const curaConfigVersions = pgTable(
  "cura_config_versions",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    profileName: text().notNull(),
    version: integer().notNull(),
    curaVersion: text().notNull(),
    machine: text(),
    settings: jsonb().$type<Record<string, string | number | boolean>>().notNull(),
    note: text(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("cura_config_versions_profile_version_uq").on(t.userId, t.profileName, t.version),
    index("cura_config_versions_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
  ],
);

export const diagnosticKind = pgEnum("diagnostic_kind", [
  "crash_report",
  "telemetry",
  "log_bundle",
]);

/** Crash reports and telemetry bundles sent by printers and Cura. */
export const diagnostics = pgTable(
  "diagnostics",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    printerId: uuid().references(() => printers.id, { onDelete: "set null" }),
    kind: diagnosticKind().notNull(),
    source: text().notNull(),
    softwareVersion: text(),
    summary: text().notNull(),
    payload: jsonb().$type<Record<string, unknown>>().notNull(),
    sizeBytes: bigint({ mode: "number" }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("diagnostics_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc())],
);
