import Ajv2020 from "ajv/dist/2020";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { categories, CATEGORY_IDS as EXPORT_CATEGORY_IDS } from "@/lib/catalog";
import { buildManifest } from "./manifest";
import { buildReadme } from "./readme";
import { exportJsonSchema } from "./schema";
import { exportTables } from "./tables";

const manifest = buildManifest({
  exportId: "6f1c2a34-1d2e-4f5a-9b8c-7d6e5f4a3b2c",
  generatedAt: "2026-03-01T12:00:00.123456Z",
  format: "zip",
  appUrl: "https://privacy.example.com",
  subject: { id: "0b7e3c1a-2f4d-4e6a-8c9b-1a2b3c4d5e6f", email: "zoe@example.com", name: "Zoë" },
  categories: ["profile", "print-jobs"],
  range: { from: "2025-01-01", to: null },
});

describe("export tables", () => {
  it("cover exactly the catalog's categories, and the form's list is the same", () => {
    expect(Object.keys(exportTables).sort()).toEqual(categories.map((c) => c.id).sort());
    expect([...EXPORT_CATEGORY_IDS].sort()).toEqual(categories.map((c) => c.id).sort());
  });

  it("export every table and every field the catalog describes", () => {
    for (const c of categories) {
      const tables = exportTables[c.id];
      for (const doc of c.tables) {
        const t = tables.find((x) => x.table === doc.name);
        expect(t, `${c.id}: ${doc.name}`).toBeDefined();
        for (const f of doc.fields)
          expect(
            t!.columns.map((x) => x.name),
            `${doc.name}.${f.name}`,
          ).toContain(f.name);
      }
    }
  });
});

describe("manifest", () => {
  it("carries the catalog's purpose, basis, retention, recipients and source, and the schema URL", () => {
    expect(manifest.schema).toBe("https://privacy.example.com/api/export/schema/v1");
    const jobs = manifest.categories.find((c) => c.id === "print-jobs")!;
    const catalog = categories.find((c) => c.id === "print-jobs")!;
    expect(jobs).toMatchObject({
      purpose: catalog.purpose,
      legalBasis: catalog.legalBasis,
      recipients: catalog.recipients,
      source: catalog.source,
      retention: { description: catalog.retention.description, days: 1095 },
    });
    expect(jobs.tables[0]).toMatchObject({
      table: "print_jobs",
      file: "print-jobs/print_jobs.csv",
    });
    expect(jobs.tables[0]!.columns.find((c) => c.name === "nozzle_temp_c")!.description).toMatch(
      /Nozzle/,
    );
  });

  it("validates against the published schema, and the schema rejects a wrong record", () => {
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(exportJsonSchema("https://privacy.example.com"));
    const doc = {
      manifest,
      categories: {
        "print-jobs": {
          print_jobs: [],
          print_job_materials: [],
          print_job_temperature_samples: [
            {
              id: 1,
              print_job_id: manifest.exportId,
              sampled_at: "2026-03-01T12:00:00.000001Z",
              nozzle_c: 210.5,
              nozzle_target_c: null,
              bed_c: 60,
              bed_target_c: 60,
            },
          ],
        },
      },
      counts: { "print-jobs": { print_jobs: 0 } },
    };
    expect(validate(doc), JSON.stringify(validate.errors)).toBe(true);
    const bad = structuredClone(doc);
    (
      bad.categories["print-jobs"].print_job_temperature_samples[0] as Record<string, unknown>
    ).sampled_at = "yesterday";
    expect(validate(bad)).toBe(false);
  });

  it("README explains every file and column in words", () => {
    const readme = buildReadme(manifest, { "print-jobs": { print_jobs: 3 } });
    expect(readme).toContain("print-jobs/print_jobs.csv (3 records)");
    expect(readme).toContain("- nozzle_temp_c: Nozzle temperature setting (°C)");
    expect(readme).toContain("Why we have it:");
    expect(readme).toMatch(/Date range: 2025-01-01 to today/);
  });
});
