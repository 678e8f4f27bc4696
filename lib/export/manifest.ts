import { getCategory, legalBasisLabel, type CategoryId } from "@/lib/catalog";
import { organisation } from "@/lib/organisation";
import { extraColumnDocs, exportTables, type ColumnType } from "./tables";

export const EXPORT_SCHEMA_VERSION = "1";
export const EXPORT_SCHEMA_PATH = `/api/export/schema/v${EXPORT_SCHEMA_VERSION}`;

export type ExportFormat = "json" | "zip" | "csv" | "html";

export type ManifestInput = {
  exportId: string;
  generatedAt: string;
  format: ExportFormat;
  appUrl: string;
  subject: { id: string; email: string; name: string };
  categories: CategoryId[];
  /** Inclusive dates (YYYY-MM-DD) as the user chose them. */
  range: { from: string | null; to: string | null };
};

/** A column's words: the catalog's description of the field, else ours for ids and extras. */
export function describeColumn(category: CategoryId, table: string, column: string): string {
  const doc = getCategory(category)?.tables.find((t) => t.name === table);
  const field = doc?.fields.find((f) => f.name === column);
  return field?.description ?? extraColumnDocs[column] ?? column.replaceAll("_", " ");
}

export function describeTable(category: CategoryId, table: string): string {
  return getCategory(category)?.tables.find((t) => t.name === table)?.description ?? table;
}

export const csvFileName = (category: CategoryId, table: string) => `${category}/${table}.csv`;

/**
 * What the export is and, for each category, why we hold the data, on what basis, for how
 * long, who receives it and where it came from: the catalog's words, so the export explains
 * itself without this website.
 */
export function buildManifest(input: ManifestInput) {
  return {
    schema: `${input.appUrl}${EXPORT_SCHEMA_PATH}`,
    schemaVersion: EXPORT_SCHEMA_VERSION,
    exportId: input.exportId,
    generatedAt: input.generatedAt,
    format: input.format,
    controller: { name: organisation.name, contact: organisation.contactEmail },
    subject: input.subject,
    range: input.range,
    categories: input.categories.map((id) => {
      const c = getCategory(id)!;
      return {
        id,
        title: c.title,
        purpose: c.purpose,
        legalBasis: c.legalBasis,
        legalBasisExplained: legalBasisLabel[c.legalBasis],
        retention: { description: c.retention.description, days: c.retention.days ?? null },
        recipients: c.recipients,
        source: c.source,
        rangeApplies: c.timeSeries,
        tables: exportTables[id].map((t) => ({
          table: t.table,
          description: describeTable(id, t.table),
          file:
            input.format === "json"
              ? null
              : input.format === "html"
                ? `${id}.html#${t.table}`
                : csvFileName(id, t.table),
          columns: t.columns.map((col) => ({
            name: col.name,
            type: col.type as ColumnType,
            nullable: col.nullable,
            description: describeColumn(id, t.table, col.name),
          })),
        })),
      };
    }),
  };
}

export type Manifest = ReturnType<typeof buildManifest>;
