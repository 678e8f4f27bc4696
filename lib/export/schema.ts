import type { CategoryId } from "@/lib/catalog";
import { EXPORT_SCHEMA_PATH, EXPORT_SCHEMA_VERSION } from "./manifest";
import { exportTables, type ColumnType, type ExportColumn } from "./tables";

const typeSchema: Record<ColumnType, Record<string, unknown>> = {
  uuid: { type: "string", format: "uuid" },
  text: { type: "string" },
  inet: { type: "string" },
  int: { type: "integer" },
  number: { type: "number" },
  bool: { type: "boolean" },
  time: { type: "string", format: "date-time" },
  json: {},
  "text[]": { type: "array", items: { type: "string" } },
};

function columnSchema(c: ExportColumn) {
  const base = typeSchema[c.type];
  if (!c.nullable || c.type === "json") return base;
  return { anyOf: [base, { type: "null" }] };
}

const stringList = { type: "array", items: { type: "string" } };

/**
 * The JSON Schema (draft 2020-12) of a JSON export, built from the same table definitions as
 * the export itself, so the two cannot drift apart. Published at EXPORT_SCHEMA_PATH.
 */
export function exportJsonSchema(appUrl: string) {
  const categoryIds = Object.keys(exportTables) as CategoryId[];
  const categoryData = Object.fromEntries(
    categoryIds.map((id) => [
      id,
      {
        type: "object",
        additionalProperties: false,
        required: exportTables[id].map((t) => t.table),
        properties: Object.fromEntries(
          exportTables[id].map((t) => [
            t.table,
            {
              type: "array",
              items: {
                type: "object",
                additionalProperties: false,
                required: t.columns.map((c) => c.name),
                properties: Object.fromEntries(t.columns.map((c) => [c.name, columnSchema(c)])),
              },
            },
          ]),
        ),
      },
    ]),
  );
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `${appUrl}${EXPORT_SCHEMA_PATH}`,
    title: `Privacy Center data export, version ${EXPORT_SCHEMA_VERSION}`,
    type: "object",
    additionalProperties: false,
    required: ["manifest", "categories", "counts"],
    properties: {
      manifest: {
        type: "object",
        required: [
          "schema",
          "schemaVersion",
          "exportId",
          "generatedAt",
          "format",
          "subject",
          "categories",
        ],
        properties: {
          schema: { type: "string", format: "uri" },
          schemaVersion: { const: EXPORT_SCHEMA_VERSION },
          exportId: { type: "string", format: "uuid" },
          generatedAt: { type: "string", format: "date-time" },
          format: { enum: ["json", "zip", "csv", "html"] },
          subject: {
            type: "object",
            required: ["id", "email", "name"],
            properties: {
              id: { type: "string", format: "uuid" },
              email: { type: "string" },
              name: { type: "string" },
            },
          },
          range: {
            type: "object",
            properties: {
              from: { anyOf: [{ type: "string", format: "date" }, { type: "null" }] },
              to: { anyOf: [{ type: "string", format: "date" }, { type: "null" }] },
            },
          },
          categories: {
            type: "array",
            items: {
              type: "object",
              required: [
                "id",
                "title",
                "purpose",
                "legalBasis",
                "retention",
                "recipients",
                "source",
                "tables",
              ],
              properties: {
                id: { enum: categoryIds },
                legalBasis: {
                  enum: ["contract", "legitimate_interest", "consent", "legal_obligation"],
                },
                recipients: stringList,
              },
            },
          },
        },
      },
      categories: {
        type: "object",
        additionalProperties: false,
        properties: categoryData,
      },
      counts: {
        description: "Records written per category and table, counted while streaming.",
        type: "object",
        additionalProperties: {
          type: "object",
          additionalProperties: { type: "integer", minimum: 0 },
        },
      },
    },
  };
}
