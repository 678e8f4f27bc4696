import * as archiver from "archiver";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import { getCategory, type CategoryId } from "@/lib/catalog";
import { quoteCell } from "./csv";
import { csvFileName, type Manifest } from "./manifest";
import { buildReadme } from "./readme";
import type { SnapshotReader } from "./reader";
import type { ChunkWriter } from "./sink";
import type { ExportScope } from "./sql";
import { exportTables, type ExportTable } from "./tables";

// archiver 8 exports classes; its type package still describes version 7's factory.
type ZipStream = Readable & {
  append(source: Readable | Buffer | string, data: { name: string; date?: Date }): void;
  finalize(): Promise<void>;
  abort(): void;
};

/** Records written, per category and table. */
export type ExportCounts = Record<string, Record<string, number>>;

export type ExportPlan = {
  categories: CategoryId[];
  scope: ExportScope;
  manifest: Manifest;
};

const text = (s: string) => Buffer.from(s, "utf8");
const isTimeSeries = (id: CategoryId) => getCategory(id)?.timeSeries ?? false;

export const csvHeader = (t: ExportTable) =>
  text(t.columns.map((c) => quoteCell(c.name)).join(",") + "\r\n");

export const totalRows = (counts: ExportCounts) =>
  Object.values(counts).reduce(
    (sum, tables) => sum + Object.values(tables).reduce((a, b) => a + b, 0),
    0,
  );

/**
 * The JSON document: {"manifest": …, "categories": {id: {table: [records]}}, "counts": …}.
 * One record per line, so a reader (and the export page's progress) can count records by
 * lines that start with "{".
 */
export async function writeJsonDocument(
  reader: SnapshotReader,
  plan: ExportPlan,
  write: ChunkWriter,
): Promise<ExportCounts> {
  const counts: ExportCounts = {};
  await write(text(`{\n"manifest": ${JSON.stringify(plan.manifest)},\n"categories": {\n`));
  for (const [i, id] of plan.categories.entries()) {
    counts[id] = {};
    await write(text(`${i ? ",\n" : ""}${JSON.stringify(id)}: {\n`));
    for (const [k, t] of exportTables[id].entries()) {
      await write(text(`${k ? ",\n" : ""}${JSON.stringify(t.table)}: [\n`));
      counts[id][t.table] = await reader.json(t, plan.scope, isTimeSeries(id), write);
      await write(text("]"));
    }
    await write(text("\n}"));
  }
  await write(text(`\n},\n"counts": ${JSON.stringify(counts)}\n}\n`));
  return counts;
}

/** One table as a CSV file with its header row. */
export async function writeCsvFile(
  reader: SnapshotReader,
  category: CategoryId,
  t: ExportTable,
  scope: ExportScope,
  write: ChunkWriter,
): Promise<number> {
  await write(csvHeader(t));
  return reader.csv(t, scope, isTimeSeries(category), write);
}

/**
 * A ZIP (stored, not compressed: the export is bound by speed, and CSV compresses well later
 * if the user wants) with one CSV per table under a folder per category, then manifest.json
 * (with the record counts) and README.txt.
 */
export async function writeZipDocument(
  reader: SnapshotReader,
  plan: ExportPlan,
  write: ChunkWriter,
  signal: AbortSignal,
): Promise<ExportCounts> {
  const archive = new (
    archiver as unknown as { ZipArchive: new (o: { store: boolean }) => ZipStream }
  ).ZipArchive({
    store: true,
  });
  const date = new Date(plan.manifest.generatedAt);
  const pump = (async () => {
    for await (const chunk of archive) await write(chunk as Buffer);
  })();
  pump.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const onAbort = () => archive.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  try {
    const counts: ExportCounts = {};
    for (const id of plan.categories) {
      counts[id] = {};
      for (const t of exportTables[id]) {
        const entry = new PassThrough({ highWaterMark: 64 * 1024 });
        archive.append(entry, { name: csvFileName(id, t.table), date });
        const writeEntry: ChunkWriter = async (chunk) => {
          if (!entry.write(chunk)) await Promise.race([once(entry, "drain", { signal }), pump]);
        };
        counts[id][t.table] = await writeCsvFile(reader, id, t, plan.scope, writeEntry);
        entry.end();
      }
    }
    archive.append(JSON.stringify({ ...plan.manifest, counts }, null, 2), {
      name: "manifest.json",
      date,
    });
    archive.append(buildReadme(plan.manifest, counts), { name: "README.txt", date });
    await Promise.all([archive.finalize(), pump]);
    return counts;
  } catch (error) {
    archive.abort();
    await pump.catch(() => {});
    throw error;
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
