import "server-only";
import { and, asc, eq, gte, lt, sql } from "drizzle-orm";
import { getDb } from "@/db";
import {
  materials,
  printers,
  printJobMaterials,
  printJobs,
  printJobTemperatureSamples,
} from "@/db/schema";
import { auditItemDelete } from "./items";
import { requireSession, requireWritable } from "@/lib/dal/session";
import type { PrintJobFilters } from "@/lib/validation/data";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type PrintJobStatus = (typeof printJobs.$inferSelect)["status"];

export type PrintJobRowDTO = {
  id: string;
  name: string;
  status: PrintJobStatus;
  createdAt: Date;
  printerId: string | null;
};

/**
 * The signed-in user's print jobs, newest first, keyset-paginated on (created_at, id).
 * Each filter keeps an index usable: status → (user, status, created_at, id), printer →
 * (printer, created_at, id), dates → a range on created_at inside the user's index.
 */
export async function listMyPrintJobs(
  filters: PrintJobFilters,
  input: PageInput,
): Promise<Page<PrintJobRowDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const k = keyset(printJobs.createdAt, printJobs.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(printJobs.createdAt),
      id: printJobs.id,
      name: printJobs.name,
      status: printJobs.status,
      createdAt: printJobs.createdAt,
      printerId: printJobs.printerId,
    })
    .from(printJobs)
    .where(
      and(
        eq(printJobs.userId, user.id),
        filters.status ? eq(printJobs.status, filters.status) : undefined,
        filters.printer ? eq(printJobs.printerId, filters.printer) : undefined,
        filters.from ? gte(printJobs.createdAt, filters.from) : undefined,
        filters.to ? lt(printJobs.createdAt, filters.to) : undefined,
        filters.material
          ? sql`exists (select 1 from ${printJobMaterials} m where m.print_job_id = ${printJobs.id} and m.material_id = ${filters.material})`
          : undefined,
        k.where,
      ),
    )
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}

export type PrintJobDTO = PrintJobRowDTO & {
  printerName: string | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  nozzleTempC: number | null;
  bedTempC: number | null;
  layerHeightMm: number | null;
  infillPercent: number | null;
  metadata: Record<string, string | number | boolean | null>;
  materials: {
    extruder: number;
    brand: string;
    name: string;
    type: string;
    color: string;
    amountGrams: number | null;
  }[];
};

/** One of the user's print jobs, or null (also for another user's id: the page says 404). */
export async function getMyPrintJob(id: string): Promise<PrintJobDTO | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [job] = await db
    .select({
      id: printJobs.id,
      name: printJobs.name,
      status: printJobs.status,
      createdAt: printJobs.createdAt,
      printerId: printJobs.printerId,
      printerName: printers.name,
      startedAt: printJobs.startedAt,
      finishedAt: printJobs.finishedAt,
      nozzleTempC: printJobs.nozzleTempC,
      bedTempC: printJobs.bedTempC,
      layerHeightMm: printJobs.layerHeightMm,
      infillPercent: printJobs.infillPercent,
      metadata: printJobs.metadata,
    })
    .from(printJobs)
    .leftJoin(printers, eq(printers.id, printJobs.printerId))
    .where(and(eq(printJobs.id, id), eq(printJobs.userId, user.id)));
  if (!job) return null;
  const used = await db
    .select({
      extruder: printJobMaterials.extruder,
      brand: materials.brand,
      name: materials.name,
      type: materials.type,
      color: materials.color,
      amountGrams: printJobMaterials.amountGrams,
    })
    .from(printJobMaterials)
    .innerJoin(materials, eq(materials.id, printJobMaterials.materialId))
    .where(and(eq(printJobMaterials.printJobId, id), eq(printJobMaterials.userId, user.id)))
    .orderBy(asc(printJobMaterials.extruder));
  return { ...job, metadata: job.metadata ?? {}, materials: used };
}

export type TemperatureSampleDTO = {
  at: Date;
  nozzleC: number;
  nozzleTargetC: number | null;
  bedC: number;
  bedTargetC: number | null;
};

/** The job's temperature samples in time order (a print has a few hundred at most). */
export async function listMyJobTemperatures(jobId: string): Promise<TemperatureSampleDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  return db
    .select({
      at: printJobTemperatureSamples.sampledAt,
      nozzleC: printJobTemperatureSamples.nozzleC,
      nozzleTargetC: printJobTemperatureSamples.nozzleTargetC,
      bedC: printJobTemperatureSamples.bedC,
      bedTargetC: printJobTemperatureSamples.bedTargetC,
    })
    .from(printJobTemperatureSamples)
    .where(
      and(
        eq(printJobTemperatureSamples.printJobId, jobId),
        eq(printJobTemperatureSamples.userId, user.id),
      ),
    )
    .orderBy(asc(printJobTemperatureSamples.sampledAt), asc(printJobTemperatureSamples.id))
    .limit(5_000);
}

/** Deletes one print job with its materials and samples (cascade); audited in the same transaction. */
export async function deleteMyPrintJob(id: string): Promise<boolean> {
  const session = await requireWritable();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [gone] = await tx
      .delete(printJobs)
      .where(and(eq(printJobs.id, id), eq(printJobs.userId, session.user.id)))
      .returning({ id: printJobs.id, name: printJobs.name });
    if (!gone) return false;
    await auditItemDelete(tx, session, "print_job", gone.id, { name: gone.name });
    return true;
  });
}

export type MaterialChoiceDTO = { id: string; label: string };

/** The filament reference list (not personal data) for the material filter. */
export async function listMaterialChoices(): Promise<MaterialChoiceDTO[]> {
  await requireSession();
  const db = await getDb();
  const rows = await db
    .select({
      id: materials.id,
      brand: materials.brand,
      name: materials.name,
      color: materials.color,
    })
    .from(materials)
    .orderBy(asc(materials.brand), asc(materials.name), asc(materials.color))
    .limit(1_000);
  return rows.map((m) => ({ id: m.id, label: `${m.brand} ${m.name} (${m.color})` }));
}
