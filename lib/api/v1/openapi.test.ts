import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { buildOpenApiDocument } from "./openapi";

const root = path.resolve(import.meta.dirname, "../../../app/api/v1");

/** Every route file under app/api/v1 as "/api/v1/…" with {params}, and the methods it exports. */
function routeFiles(dir = root): { path: string; methods: string[] }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    if (entry.name !== "route.ts") return [];
    const rel = path.relative(root, path.dirname(full)).split(path.sep).filter(Boolean);
    const urlPath = ["/api/v1", ...rel.map((s) => s.replace(/^\[(.+)\]$/, "{$1}"))].join("/");
    const source = readFileSync(full, "utf8");
    const methods = [
      ...source.matchAll(/export (?:const|async function) (GET|POST|PUT|PATCH|DELETE)\b/g),
    ].map((m) => m[1]!.toLowerCase());
    return [{ path: urlPath, methods }];
  });
}

describe("the OpenAPI document", () => {
  const doc = buildOpenApiDocument("https://privacy.example.com");

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    // The validator does look inside: a response without its description is refused.
    const broken = structuredClone(doc) as {
      paths: Record<
        string,
        Record<string, { responses: Record<string, { description?: string }> }>
      >;
    };
    delete broken.paths["/api/v1/token"]!.get!.responses["200"]!.description;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it("describes every route file and method under app/api/v1, and nothing else", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    const fromFiles = files.flatMap((f) => f.methods.map((m) => `${m} ${f.path}`)).sort();
    const paths = doc.paths as Record<string, Record<string, unknown>>;
    const fromDoc = Object.entries(paths)
      .flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`))
      .sort();
    expect(fromDoc).toEqual(fromFiles);
  });

  it("documents the body fields, the required Idempotency-Key of batches, and the problems", () => {
    const paths = doc.paths as Record<string, Record<string, Record<string, unknown>>>;
    const batch = paths["/api/v1/printers/status/batch"]!.post!;
    expect(batch.parameters).toContainEqual(
      expect.objectContaining({ name: "Idempotency-Key", in: "header", required: true }),
    );
    const body = JSON.stringify(batch.requestBody);
    for (const field of ["serial", "status", "occurredAt", "additionalProperties"]) {
      expect(body).toContain(field);
    }
    const put = paths["/api/v1/printers/{serial}"]!.put!;
    expect(Object.keys(put.responses as object).sort()).toEqual(
      ["200", "201", "400", "401", "403", "409", "413", "415", "422", "429"].sort(),
    );
  });
});
