import {
  bigint,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  real,
  text,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, tstz } from "./columns";
import { ownerId } from "./users";

export const printerStatus = pgEnum("printer_status", [
  "idle",
  "printing",
  "paused",
  "error",
  "maintenance",
  "offline",
]);

/** A cluster of printers managed together (the policy's "print group identifiers"). */
export const printGroups = pgTable(
  "print_groups",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    /** The identifier printers report, e.g. "PG-3F9A-21C0". */
    groupKey: text().notNull(),
    name: text().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("print_groups_user_key_uq").on(t.userId, t.groupKey)],
);

export const printers = pgTable(
  "printers",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    // A group going away leaves its printers ungrouped rather than deleting them.
    groupId: uuid().references(() => printGroups.id, { onDelete: "set null" }),
    name: text().notNull(),
    model: text().notNull(),
    serial: text().notNull(),
    firmware: text().notNull(),
    status: printerStatus().notNull().default("offline"),
    lastSeenAt: tstz(),
    createdAt: createdAt(),
  },
  (t) => [
    index("printers_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("printers_group_idx").on(t.groupId),
    // The ingestion API names a printer by its serial: one printer per serial per holder.
    uniqueIndex("printers_user_serial_uq").on(t.userId, t.serial),
  ],
);

/** Status history reported by printers. High volume: identity keys, keyset by (time, id). */
export const printerStatusEvents = pgTable(
  "printer_status_events",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    printerId: uuid()
      .notNull()
      .references(() => printers.id, { onDelete: "cascade" }),
    occurredAt: tstz().notNull(),
    status: printerStatus().notNull(),
    message: text(),
  },
  (t) => [
    index("printer_status_events_printer_time_idx").on(
      t.printerId,
      t.occurredAt.desc(),
      t.id.desc(),
    ),
    index("printer_status_events_user_time_idx").on(t.userId, t.occurredAt.desc(), t.id.desc()),
  ],
);

export const printJobStatus = pgEnum("print_job_status", [
  "queued",
  "printing",
  "finished",
  "failed",
  "aborted",
]);

/** Reference list of filaments (brand, type, colour). Not personal data. */
export const materials = pgTable("materials", {
  id: uuid().primaryKey().defaultRandom(),
  /** Ultimaker material GUID as reported by printers. */
  guid: text().notNull().unique(),
  brand: text().notNull(),
  name: text().notNull(),
  type: text().notNull(),
  color: text().notNull(),
  diameterMm: real().notNull().default(2.85),
});

export const printJobs = pgTable(
  "print_jobs",
  {
    id: uuid().primaryKey().defaultRandom(),
    userId: ownerId(),
    printerId: uuid().references(() => printers.id, { onDelete: "set null" }),
    name: text().notNull(),
    status: printJobStatus().notNull(),
    /** When the job was submitted; the list's sort key. */
    createdAt: tstz().notNull(),
    startedAt: tstz(),
    finishedAt: tstz(),
    nozzleTempC: real(),
    bedTempC: real(),
    layerHeightMm: real(),
    infillPercent: integer(),
    /** Other metadata the printer reports (slicer, print core, build plate …). */
    metadata: jsonb().$type<Record<string, string | number | boolean | null>>(),
  },
  (t) => [
    index("print_jobs_user_created_idx").on(t.userId, t.createdAt.desc(), t.id.desc()),
    index("print_jobs_user_status_created_idx").on(
      t.userId,
      t.status,
      t.createdAt.desc(),
      t.id.desc(),
    ),
    index("print_jobs_printer_created_idx").on(t.printerId, t.createdAt.desc(), t.id.desc()),
  ],
);

/** Which materials a job used, per extruder. */
export const printJobMaterials = pgTable(
  "print_job_materials",
  {
    printJobId: uuid()
      .notNull()
      .references(() => printJobs.id, { onDelete: "cascade" }),
    extruder: integer().notNull(),
    userId: ownerId(),
    // Reference data is never deleted while jobs point at it.
    materialId: uuid()
      .notNull()
      .references(() => materials.id, { onDelete: "restrict" }),
    amountGrams: real(),
  },
  (t) => [
    primaryKey({ columns: [t.printJobId, t.extruder] }),
    index("print_job_materials_user_material_idx").on(t.userId, t.materialId),
  ],
);

/** Nozzle and bed temperatures sampled during a print. */
export const printJobTemperatureSamples = pgTable(
  "print_job_temperature_samples",
  {
    id: bigint({ mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    userId: ownerId(),
    printJobId: uuid()
      .notNull()
      .references(() => printJobs.id, { onDelete: "cascade" }),
    sampledAt: tstz().notNull(),
    nozzleC: real().notNull(),
    nozzleTargetC: real(),
    bedC: real().notNull(),
    bedTargetC: real(),
  },
  (t) => [
    index("print_job_temperature_samples_job_time_idx").on(t.printJobId, t.sampledAt, t.id),
    index("print_job_temperature_samples_user_idx").on(t.userId, t.sampledAt.desc(), t.id.desc()),
  ],
);
