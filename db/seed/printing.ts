import { inArray } from "drizzle-orm";
import { randomUUID } from "node:crypto";
import {
  materials,
  printerStatusEvents,
  printers,
  printGroups,
  printJobMaterials,
  printJobs,
  printJobTemperatureSamples,
} from "../schema";
import { copyTarget, type SeedConn } from "./copy";
import {
  currentPrinterStatus,
  estimateSamples,
  statusEventLines,
  temperatureSampleLines,
} from "./job-events";
import {
  jobContext,
  oldestJobAgo,
  printJobLines,
  printJobMaterialLines,
  type JobContext,
  type PrinterRef,
} from "./jobs";
import type { Progress } from "./progress";
import { DAY, MINUTE, mixSeed, Rng, sequentialIds, type Clock } from "./random";
import { MATERIALS, MODELS, type MaterialKey, type ModelKey, type ModelSpec } from "./reference";

// Column order must match the lines the generators in jobs.ts and job-events.ts build.
export const JOB_COPY = copyTarget(printJobs, [
  "id",
  "userId",
  "printerId",
  "name",
  "status",
  "createdAt",
  "startedAt",
  "finishedAt",
  "nozzleTempC",
  "bedTempC",
  "layerHeightMm",
  "infillPercent",
  "metadata",
]);
export const JOB_MATERIAL_COPY = copyTarget(printJobMaterials, [
  "printJobId",
  "extruder",
  "userId",
  "materialId",
  "amountGrams",
]);
export const STATUS_EVENT_COPY = copyTarget(printerStatusEvents, [
  "userId",
  "printerId",
  "occurredAt",
  "status",
  "message",
]);
const SAMPLE_COPY = copyTarget(printJobTemperatureSamples, [
  "userId",
  "printJobId",
  "sampledAt",
  "nozzleC",
  "nozzleTargetC",
  "bedC",
  "bedTargetC",
]);

/**
 * The shared reference list; another seed or the ingestion API may have added some already,
 * so ids are read back by GUID rather than assumed.
 */
export async function ensureMaterials(conn: SeedConn): Promise<Record<MaterialKey, string>> {
  const specs = Object.values(MATERIALS);
  await conn.db
    .insert(materials)
    .values(
      specs.map((s) => ({
        guid: s.guid,
        brand: "Ultimaker",
        name: s.name,
        type: s.type,
        color: s.color,
      })),
    )
    .onConflictDoNothing({ target: materials.guid });
  const rows = await conn.db
    .select({ id: materials.id, guid: materials.guid })
    .from(materials)
    .where(
      inArray(
        materials.guid,
        specs.map((s) => s.guid),
      ),
    );
  const byGuid = new Map(rows.map((r) => [r.guid, r.id]));
  const ids = {} as Record<MaterialKey, string>;
  for (const key of Object.keys(MATERIALS) as MaterialKey[]) {
    const id = byGuid.get(MATERIALS[key].guid);
    if (!id) throw new Error(`seed: material ${key} is missing`);
    ids[key] = id;
  }
  return ids;
}

/** "S5-2214-0387": model, year and week of manufacture, unit. */
function serialNumber(r: Rng, spec: ModelSpec): string {
  const week = String(r.int(1, 52)).padStart(2, "0");
  const unit = String(r.int(0, 9999)).padStart(4, "0");
  return `${spec.code}-${r.int(spec.built[0], spec.built[1])}${week}-${unit}`;
}

export type FleetSpec = { group: string | null; model: ModelKey; name: string }[];

export type Fleet = {
  ctx: JobContext;
  groups: (typeof printGroups.$inferInsert)[];
  printers: (typeof printers.$inferInsert)[];
};

/**
 * Plans a user's printers and print history. Nothing is written yet: the printers' current
 * status comes from the planned history, so it is worked out before the rows exist.
 */
export function planFleet(input: {
  userId: string;
  seed: number;
  clock: Clock;
  fleet: FleetSpec;
  jobs: number;
  queued: number;
  materialIds: Record<MaterialKey, string>;
}): Fleet {
  const r = new Rng(mixSeed(input.seed, 7));
  const refs: PrinterRef[] = input.fleet.map((p) => ({
    id: randomUUID(),
    spec: MODELS[p.model],
    serial: serialNumber(r, MODELS[p.model]),
    createdAgo: 0,
  }));
  const ctx = jobContext({
    userId: input.userId,
    printers: refs,
    count: input.jobs,
    seed: mixSeed(input.seed, 8),
    clock: input.clock,
    materialIds: input.materialIds,
    jobId: sequentialIds(),
    queued: Math.min(input.queued, refs.length),
  });
  const oldest = oldestJobAgo(ctx);
  for (const ref of refs) ref.createdAgo = oldest + r.int(3, 90) * DAY;

  const groupIds = new Map<string, string>();
  const groups: Fleet["groups"] = [];
  for (const p of input.fleet) {
    if (!p.group || groupIds.has(p.group)) continue;
    const id = randomUUID();
    groupIds.set(p.group, id);
    const created = Math.max(...refs.map((x) => x.createdAgo)) + r.int(1, 20) * DAY;
    groups.push({
      id,
      userId: input.userId,
      groupKey: `PG-${r.hex(4).toUpperCase()}-${r.hex(4).toUpperCase()}`,
      name: p.group,
      createdAt: input.clock.ago(created),
    });
  }

  const status = input.jobs > 0 ? currentPrinterStatus(ctx) : new Map<string, never>();
  const rows = refs.map((ref, i) => {
    const p = input.fleet[i] as FleetSpec[number];
    return {
      id: ref.id,
      userId: input.userId,
      groupId: p.group ? (groupIds.get(p.group) ?? null) : null,
      name: p.name,
      model: ref.spec.model,
      serial: ref.serial,
      firmware: ref.spec.firmware,
      status: status.get(ref.id) ?? "idle",
      lastSeenAt: input.clock.ago(r.int(1, 9) * MINUTE),
      createdAt: input.clock.ago(ref.createdAgo),
    };
  });
  return { ctx, groups, printers: rows };
}

export type PrintCounts = {
  printJobs: number;
  printJobMaterials: number;
  printerStatusEvents: number;
  temperatureSamples: number;
};

/** Writes one user's fleet and its whole history: the demo's heavy user goes through here. */
export async function writeFleet(
  conn: SeedConn,
  fleet: Fleet,
  opts: { sampledJobs: number; progress: Progress },
): Promise<PrintCounts> {
  const { ctx } = fleet;
  const { progress } = opts;
  if (fleet.groups.length) await conn.db.insert(printGroups).values(fleet.groups);
  await conn.db.insert(printers).values(fleet.printers);
  const historyShare = Math.min(1, ctx.historyMs / (ctx.count * ctx.gap));
  const total = ctx.count * (1 + 1.2 + 2.1 * historyShare) + estimateSamples(ctx, opts.sampledJobs);
  progress.phase("print history", Math.round(total));
  // Jobs (and their samples) in one lane, materials and status events in the other: on
  // PostgreSQL two connections load at once, about halving the time of a million-job seed.
  const [[jobs, samples], [used, events]] = (await conn.copyLanes(
    [
      [
        { target: JOB_COPY, lines: printJobLines(ctx) },
        { target: SAMPLE_COPY, lines: temperatureSampleLines(ctx, opts.sampledJobs) },
      ],
      [
        { target: JOB_MATERIAL_COPY, lines: printJobMaterialLines(ctx) },
        { target: STATUS_EVENT_COPY, lines: statusEventLines(ctx) },
      ],
    ],
    (n) => progress.tick(n),
  )) as [[number, number], [number, number]];
  progress.done();
  return {
    printJobs: jobs,
    printJobMaterials: used,
    printerStatusEvents: events,
    temperatureSamples: samples,
  };
}
