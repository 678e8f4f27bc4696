import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplateDir: string;
  }
}

/**
 * Makes one migrated PGlite data folder for the whole run (see pglite-template-setup.ts).
 * Starting PGlite from an empty folder (initdb, then every migration) is most of what an
 * integration test file costs; a mutation run repeats that file once per mutant.
 */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(path.join(tmpdir(), "pc-pglite-template-"));
  const handle = openDatabase({ dataDir: dir });
  try {
    await migrateDatabase(handle);
  } finally {
    await handle.close();
  }
  project.provide("pgliteTemplateDir", dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
