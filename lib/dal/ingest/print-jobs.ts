import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { printJobMaterials, printJobs, printJobTemperatureSamples } from "@/db/schema";
import { ApiProblem } from "@/lib/api/v1/problem";
import { cursorKey, keyset } from "@/lib/dal/data/keyset";
import { assertCursor } from "./resolve";
import type {
  PageQuery,
  PrintJobInput,
  PrintJobPatchInput,
  SampleInput,
} from "@/lib/validation/api-v1";
import { insertChunked, pgArray, resolveMaterials, resolveSerials } from "./resolve";
import { runIngest, type IngestAnswer, type IngestContext } from "./run";
import type { ApiToken } from "./tokens";

/**
 * Temperature samples of one holder in one statement whatever their number: each column is one
 * array parameter, unnested into rows by the database. Building a VALUES list with a parameter
 * per value (seven per sample, 140,000 for a batch of 100 jobs × 200 samples) was most of a
 * batch's time; this sends six arrays and the holder's id.
 */
async function insertSamples(
  tx: Tx,
  userId: string,
  groups: { printJobId: string; samples: SampleInput[] }[],
): Promise<number> {
  const jobIds: string[] = [];
  const sampledAt: Date[] = [];
  const nozzle: number[] = [];
  const nozzleTarget: (number | null)[] = [];
  const bed: number[] = [];
  const bedTarget: (number | null)[] = [];
  for (const { printJobId, samples } of groups) {
    for (const s of samples) {
      jobIds.push(printJobId);
      sampledAt.push(s.sampledAt);
      nozzle.push(s.nozzleC);
      nozzleTarget.push(s.nozzleTargetC ?? null);
      bed.push(s.bedC);
      bedTarget.push(s.bedTargetC ?? null);
    }
  }
  if (jobIds.length === 0) return 0;
  // Column names as the snake_case casing writes them (db/schema/printers.ts).
  await tx.execute(sql`
    insert into ${printJobTemperatureSamples} (user_id, print_job_id, sampled_at,
      nozzle_c, nozzle_target_c, bed_c, bed_target_c)
    select ${userId}::uuid, u.* from unnest(
      ${pgArray(jobIds)}::uuid[], ${pgArray(sampledAt)}::timestamptz[],
      ${pgArray(nozzle)}::real[], ${pgArray(nozzleTarget)}::real[],
      ${pgArray(bed)}::real[], ${pgArray(bedTarget)}::real[]
    ) as u`);
  return jobIds.length;
}

/**
 * Print jobs with their materials and samples: one INSERT per table for the whole batch (split
 * only past the parameter limit), printer serials and material GUIDs resolved in one query
 * each. Ids are made here so the three tables line up without reading anything back.
 */
async function insertJobs(
  tx: Tx,
  userId: string,
  jobs: PrintJobInput[],
  pointerBase: string,
): Promise<string[]> {
  const printerIds = await resolveSerials(
    tx,
    userId,
    jobs.flatMap((j, i) =>
      j.printerSerial
        ? [{ serial: j.printerSerial, pointer: `${pointerBase}${i}/printerSerial` }]
        : [],
    ),
  );
  const materialIds = await resolveMaterials(
    tx,
    jobs.flatMap((j, i) =>
      (j.materials ?? []).map((m, k) => ({
        guid: m.materialGuid,
        pointer: `${pointerBase}${i}/materials/${k}/materialGuid`,
      })),
    ),
  );
  const ids = jobs.map(() => randomUUID());
  await insertChunked(
    jobs.map((j, i) => ({
      id: ids[i]!,
      userId,
      printerId: j.printerSerial ? printerIds.get(j.printerSerial)! : null,
      name: j.name,
      status: j.status,
      createdAt: j.createdAt,
      startedAt: j.startedAt ?? null,
      finishedAt: j.finishedAt ?? null,
      nozzleTempC: j.nozzleTempC ?? null,
      bedTempC: j.bedTempC ?? null,
      layerHeightMm: j.layerHeightMm ?? null,
      infillPercent: j.infillPercent ?? null,
      metadata: j.metadata ?? null,
    })),
    (chunk) => tx.insert(printJobs).values(chunk),
  );
  const materials = jobs.flatMap((j, i) =>
    (j.materials ?? []).map((m) => ({
      printJobId: ids[i]!,
      userId,
      extruder: m.extruder,
      materialId: materialIds.get(m.materialGuid)!,
      amountGrams: m.amountGrams ?? null,
    })),
  );
  await insertChunked(materials, (chunk) => tx.insert(printJobMaterials).values(chunk));
  await insertSamples(
    tx,
    userId,
    jobs.map((j, i) => ({ printJobId: ids[i]!, samples: j.samples ?? [] })),
  );
  return ids;
}

const itemCount = (jobs: PrintJobInput[]) => jobs.length;

export async function createApiPrintJob(
  ctx: IngestContext,
  job: PrintJobInput,
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "print-jobs", items: 1 }, async (tx, userId) => {
    const [id] = await insertJobs(tx, userId, [job], "/");
    return { status: 201, body: { id } };
  });
}

export async function createApiPrintJobs(
  ctx: IngestContext,
  jobs: PrintJobInput[],
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "print-jobs", items: itemCount(jobs) }, async (tx, userId) => {
    const ids = await insertJobs(tx, userId, jobs, "/jobs/");
    return { status: 201, body: { ids } };
  });
}

/** Changes the holder's job; another holder's id matches nothing and is "not found". */
export async function updateApiPrintJob(
  ctx: IngestContext,
  id: string,
  patch: PrintJobPatchInput,
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "print-jobs", items: 1 }, async (tx, userId) => {
    const [row] = await tx
      .update(printJobs)
      .set(patch)
      .where(and(eq(printJobs.id, id), eq(printJobs.userId, userId)))
      .returning({ id: printJobs.id });
    if (!row) throw new ApiProblem("not-found", "No print job with that id.");
    return { status: 200, body: { id: row.id } };
  });
}

export async function addApiSamples(
  ctx: IngestContext,
  id: string,
  samples: SampleInput[],
): Promise<IngestAnswer> {
  return runIngest(ctx, { category: "print-jobs", items: samples.length }, async (tx, userId) => {
    const [job] = await tx
      .select({ id: printJobs.id })
      .from(printJobs)
      .where(and(eq(printJobs.id, id), eq(printJobs.userId, userId)));
    if (!job) throw new ApiProblem("not-found", "No print job with that id.");
    const stored = await insertSamples(tx, userId, [{ printJobId: job.id, samples }]);
    return { status: 201, body: { stored } };
  });
}

/** The holder's print jobs, newest first, keyset-paginated on (created_at, id). */
export async function listApiPrintJobs(token: ApiToken, page: PageQuery) {
  assertCursor(page.cursor, "uuid");
  const db = await getDb();
  const ks = keyset(
    printJobs.createdAt,
    printJobs.id,
    "uuid",
    { after: page.cursor, limit: page.limit },
    { fallback: 50, max: 200 },
  );
  const rows = await db
    .select({
      _k: cursorKey(printJobs.createdAt),
      id: printJobs.id,
      printerId: printJobs.printerId,
      name: printJobs.name,
      status: printJobs.status,
      createdAt: printJobs.createdAt,
      startedAt: printJobs.startedAt,
      finishedAt: printJobs.finishedAt,
      nozzleTempC: printJobs.nozzleTempC,
      bedTempC: printJobs.bedTempC,
    })
    .from(printJobs)
    .where(and(eq(printJobs.userId, token.userId), ks.where))
    .orderBy(...ks.orderBy)
    .limit(ks.limit);
  const result = ks.page(rows, ({ _k: _, ...r }) => ({
    ...r,
    createdAt: r.createdAt.toISOString(),
    startedAt: r.startedAt?.toISOString() ?? null,
    finishedAt: r.finishedAt?.toISOString() ?? null,
  }));
  return { items: result.items, nextCursor: result.next };
}
