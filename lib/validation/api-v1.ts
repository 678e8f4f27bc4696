import { z } from "zod";

/** How deep and how large a diagnostics payload may be (the rest is a crash waiting to happen). */
export const PAYLOAD_MAX_DEPTH = 32;
export const PAYLOAD_MAX_NODES = 50_000;

/**
 * Every request and response body of the ingestion API (/api/v1). The route handlers parse with
 * these and the OpenAPI document (lib/api/v1/openapi.ts) is generated from the very same
 * objects, so the reference cannot drift from what is enforced. Objects are strict: an unknown
 * field is an error naming it, not silently dropped.
 *
 * Times are ISO 8601 with an offset; one more than 5 minutes in the future, or older than its
 * category's retention period, is refused (a clock gone wrong, or data we would delete at once).
 * The retention periods come from the catalog, passed in by `apiV1Schemas` so this file stays
 * free of imports other than zod.
 */

export const printerStatuses = [
  "idle",
  "printing",
  "paused",
  "error",
  "maintenance",
  "offline",
] as const;
export const apiPrintJobStatuses = ["queued", "printing", "finished", "failed", "aborted"] as const;
export const diagnosticKinds = ["crash_report", "telemetry", "log_bundle"] as const;

/** How far ahead of our clock a sent time may be. */
export const FUTURE_SKEW_MS = 5 * 60_000;
/** The age limit for a category without a retention period. */
export const DEFAULT_MAX_AGE_DAYS = 730;

/** Retention in days of the four categories the API writes (catalog `retention.days`). */
export type ApiRetentionDays = {
  printers: number;
  printJobs: number;
  cura: number;
  diagnostics: number;
};

/** Why a time is refused, or null when it is within bounds. Exported for the unit tests. */
export function timeBoundsProblem(
  value: Date,
  maxAgeDays: number,
  now = Date.now(),
): string | null {
  if (value.getTime() > now + FUTURE_SKEW_MS)
    return "Must not be more than 5 minutes in the future.";
  if (value.getTime() < now - maxAgeDays * 86_400_000) {
    return `Must not be more than ${maxAgeDays} days in the past.`;
  }
  return null;
}

/** An ISO 8601 time with an offset, within bounds, read as a Date. */
export function apiTime(maxAgeDays: number) {
  return z.iso
    .datetime({ offset: true, message: "Must be an ISO 8601 time with an offset." })
    .superRefine((value, ctx) => {
      const problem = timeBoundsProblem(new Date(value), maxAgeDays);
      if (problem) ctx.addIssue({ code: "custom", message: problem });
    })
    .transform((value) => new Date(value))
    .meta({ format: "date-time", description: "ISO 8601 time with an offset." });
}

const text = (max: number) => z.string().trim().min(1, "Must not be empty.").max(max);

/** A printer's serial as it appears in the path. */
export const serialSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9._-]+$/, "Letters, digits, dot, dash and underscore only.");
export const profileNameSchema = z.string().trim().min(1).max(120);
export const idSchema = z.uuid("Must be a UUID.");

/** The Idempotency-Key header: 1–200 characters of [A-Za-z0-9._:-]. */
export const idempotencyKeySchema = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[A-Za-z0-9._:-]+$/, "Letters, digits and . _ : - only, at most 200.");

const scalarRecord = z.record(
  z.string().min(1).max(200),
  z.union([z.string().max(10_000), z.number(), z.boolean(), z.null()]),
);

/** All schemas, with time bounds from the catalog's retention periods. */
export function apiV1Schemas(days: ApiRetentionDays) {
  const printerTime = apiTime(days.printers);
  const jobTime = apiTime(days.printJobs);
  const diagnosticsTime = apiTime(days.diagnostics);

  const printerPut = z
    .object({
      name: text(120),
      model: text(120),
      firmware: text(60),
      groupKey: text(100).optional(),
      groupName: text(120).optional(),
    })
    .strict();

  const statusEvent = z
    .object({
      status: z.enum(printerStatuses),
      occurredAt: printerTime,
      message: z.string().max(500).optional(),
    })
    .strict();

  const statusBatch = z
    .object({
      events: z
        .array(statusEvent.extend({ serial: serialSchema }).strict())
        .min(1)
        .max(1000),
    })
    .strict();

  const sample = z
    .object({
      sampledAt: jobTime,
      nozzleC: z.number().min(-50).max(600),
      nozzleTargetC: z.number().min(-50).max(600).optional(),
      bedC: z.number().min(-50).max(300),
      bedTargetC: z.number().min(-50).max(300).optional(),
    })
    .strict();

  const material = z
    .object({
      extruder: z.int().min(0).max(15),
      materialGuid: z.string().min(1).max(100),
      amountGrams: z.number().min(0).max(100_000).optional(),
    })
    .strict();

  const printJob = (maxSamples: number) =>
    z
      .object({
        printerSerial: serialSchema.optional(),
        name: text(255),
        status: z.enum(apiPrintJobStatuses),
        createdAt: jobTime,
        startedAt: jobTime.optional(),
        finishedAt: jobTime.optional(),
        nozzleTempC: z.number().min(-50).max(600).optional(),
        bedTempC: z.number().min(-50).max(300).optional(),
        layerHeightMm: z.number().positive().max(10).optional(),
        infillPercent: z.int().min(0).max(100).optional(),
        metadata: scalarRecord.optional(),
        materials: z.array(material).max(16).optional(),
        samples: z.array(sample).max(maxSamples).optional(),
      })
      .strict()
      .superRefine((job, ctx) => {
        const extruders = (job.materials ?? []).map((m) => m.extruder);
        extruders.forEach((e, i) => {
          if (extruders.indexOf(e) !== i) {
            ctx.addIssue({
              code: "custom",
              path: ["materials", i, "extruder"],
              message: "Each extruder may appear once.",
            });
          }
        });
      });

  const printJobPatch = z
    .object({
      status: z.enum(apiPrintJobStatuses).optional(),
      startedAt: jobTime.optional(),
      finishedAt: jobTime.optional(),
      nozzleTempC: z.number().min(-50).max(600).optional(),
      bedTempC: z.number().min(-50).max(300).optional(),
    })
    .strict()
    .refine((p) => Object.keys(p).length > 0, { message: "Send at least one field to change." });

  const diagnostic = z
    .object({
      kind: z.enum(diagnosticKinds),
      source: text(120),
      softwareVersion: text(60).optional(),
      summary: text(500),
      payload: z
        .record(z.string().max(200), z.unknown())
        .refine((v) => jsonShapeWithin(v, PAYLOAD_MAX_DEPTH, PAYLOAD_MAX_NODES), {
          message: `Keep the payload within ${PAYLOAD_MAX_DEPTH} levels of nesting and ${PAYLOAD_MAX_NODES} values.`,
        }),
      printerSerial: serialSchema.optional(),
      createdAt: diagnosticsTime.optional(),
    })
    .strict();

  const curaVersion = z
    .object({
      curaVersion: text(40),
      machine: text(120).optional(),
      settings: z.record(
        z.string().min(1).max(200),
        z.union([z.string().max(10_000), z.number(), z.boolean()]),
      ),
      note: z.string().max(500).optional(),
    })
    .strict();

  const pageQuery = z
    .object({
      limit: z.coerce.number().int().min(1).max(200).default(50),
      cursor: z.string().max(100).optional(),
    })
    .strict();

  return {
    printerPut,
    statusEvent,
    statusBatch,
    printJob: printJob(5000),
    printJobBatch: z.object({ jobs: z.array(printJob(2000)).min(1).max(500) }).strict(),
    printJobPatch,
    samples: z.object({ samples: z.array(sample).min(1).max(5000) }).strict(),
    curaVersion,
    diagnostic,
    diagnosticBatch: z.object({ bundles: z.array(diagnostic).min(1).max(100) }).strict(),
    pageQuery,
    // Path parameters.
    serialParams: z.object({ serial: serialSchema }).strict(),
    idParams: z.object({ id: idSchema }).strict(),
    profileParams: z.object({ profileName: profileNameSchema }).strict(),
  };
}
export type ApiV1Schemas = ReturnType<typeof apiV1Schemas>;
export type PrinterPutInput = z.output<ApiV1Schemas["printerPut"]>;
export type StatusEventInput = z.output<ApiV1Schemas["statusEvent"]>;
export type StatusBatchInput = z.output<ApiV1Schemas["statusBatch"]>;
export type PrintJobInput = z.output<ApiV1Schemas["printJob"]>;
export type PrintJobPatchInput = z.output<ApiV1Schemas["printJobPatch"]>;
export type SampleInput = z.output<ApiV1Schemas["samples"]>["samples"][number];
export type CuraVersionInput = z.output<ApiV1Schemas["curaVersion"]>;
export type DiagnosticInput = z.output<ApiV1Schemas["diagnostic"]>;
export type PageQuery = z.output<ApiV1Schemas["pageQuery"]>;

// ---------------------------------------------------------------------------------------------
// Responses (documented in the OpenAPI document; the handlers build them from DAL DTOs).

const time = z.string().meta({ format: "date-time" });

export const tokenInfoResponse = z.object({
  name: z.string(),
  kind: z.enum(["printer", "cura"]),
  scopes: z.array(z.string()),
  prefix: z.string(),
});
export const printerResponse = z.object({
  id: z.uuid(),
  serial: z.string(),
  name: z.string(),
  model: z.string(),
  firmware: z.string(),
  status: z.enum(printerStatuses),
  lastSeenAt: time.nullable(),
});
export const printerListResponse = z.object({ items: z.array(printerResponse) });
export const storedResponse = z.object({ stored: z.int() });
export const droppedResponse = z.object({
  stored: z.literal(0),
  dropped: z.int(),
  reason: z.literal("objected"),
});
export const idResponse = z.object({ id: z.uuid() });
export const idsResponse = z.object({ ids: z.array(z.uuid()) });
export const curaVersionResponse = z.object({ id: z.uuid(), version: z.int() });
export const printJobListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      printerId: z.uuid().nullable(),
      name: z.string(),
      status: z.enum(apiPrintJobStatuses),
      createdAt: time,
      startedAt: time.nullable(),
      finishedAt: time.nullable(),
      nozzleTempC: z.number().nullable(),
      bedTempC: z.number().nullable(),
    }),
  ),
  nextCursor: z.string().nullable(),
});
export const curaProfileListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      profileName: z.string(),
      version: z.int(),
      curaVersion: z.string(),
      machine: z.string().nullable(),
      createdAt: time,
    }),
  ),
});
export const diagnosticListResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      printerId: z.uuid().nullable(),
      kind: z.enum(diagnosticKinds),
      source: z.string(),
      softwareVersion: z.string().nullable(),
      summary: z.string(),
      sizeBytes: z.int(),
      createdAt: time,
    }),
  ),
  nextCursor: z.string().nullable(),
});
export const problemResponseSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.int(),
  detail: z.string(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        pointer: z.string().optional(),
        parameter: z.string().optional(),
        header: z.string().optional(),
        detail: z.string(),
      }),
    )
    .optional(),
});

/**
 * Whether a parsed JSON value stays within `maxDepth` levels and `maxNodes` values. Walks with
 * its own stack, so a value nested ten thousand levels deep is measured, not a stack overflow.
 */
export function jsonShapeWithin(value: unknown, maxDepth: number, maxNodes: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  let nodes = 0;
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (++nodes > maxNodes || depth > maxDepth) return false;
    if (v !== null && typeof v === "object")
      for (const child of Object.values(v)) stack.push([child, depth + 1]);
  }
  return true;
}
