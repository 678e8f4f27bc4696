import { getCategory, type CategoryId } from "@/lib/catalog";
import type { Locale } from "@/lib/i18n/config";
import { quoteCell } from "./csv";
import { csvFileName, type Manifest } from "./manifest";
import { buildReadme } from "./readme";
import type { SnapshotReader } from "./reader";
import type { ChunkWriter } from "./sink";
import type { ExportScope } from "./sql";
import { exportTables, type ExportTable } from "./tables";
import { streamZip } from "./zip";

/** Records written, per category and table. */
export type ExportCounts = Record<string, Record<string, number>>;

export type ExportPlan = {
  categories: CategoryId[];
  scope: ExportScope;
  manifest: Manifest;
  /** The holder's language, for the README and the HTML copy. */
  locale?: Locale;
};

const text = (s: string) => Buffer.from(s, "utf8");
export const isTimeSeries = (id: CategoryId) => getCategory(id)?.timeSeries ?? false;

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
 * A ZIP with one CSV per table under a folder per category, then manifest.json (with the
 * record counts) and README.txt in the holder's language.
 */
export async function writeZipDocument(
  reader: SnapshotReader,
  plan: ExportPlan,
  write: ChunkWriter,
  signal: AbortSignal,
): Promise<ExportCounts> {
  return streamZip(write, signal, new Date(plan.manifest.generatedAt), async (zip) => {
    const counts: ExportCounts = {};
    for (const id of plan.categories) {
      counts[id] = {};
      for (const t of exportTables[id]) {
        counts[id][t.table] = await zip.file(csvFileName(id, t.table), (w) =>
          writeCsvFile(reader, id, t, plan.scope, w),
        );
      }
    }
    zip.put("manifest.json", JSON.stringify({ ...plan.manifest, counts }, null, 2));
    zip.put("README.txt", buildReadme(plan.manifest, counts, plan.locale));
    return counts;
  });
}
