import { cpSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, inject } from "vitest";

// Each test file gets its own copy of the migrated template folder, so files stay apart as
// with memory:// but PGlite opens a ready database instead of creating one. Listed before
// int-setup.ts: hooks run in stack order, so the copy is removed after the database closed.
const dir = mkdtempSync(path.join(tmpdir(), "pc-pglite-"));
cpSync(inject("pgliteTemplateDir"), dir, { recursive: true });
process.env.PGLITE_DATA_DIR = dir;

afterAll(() => rmSync(dir, { recursive: true, force: true }));
