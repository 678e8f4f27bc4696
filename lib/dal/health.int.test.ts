import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkReadiness, countPending } from "./health";

describe("readiness", () => {
  it("is ready on a migrated database: it answers and nothing is pending", async () => {
    expect(await checkReadiness()).toEqual({ database: true, migrationsPending: 0 });
  });

  it("counts the journal's migrations that were not applied", () => {
    const journal = (
      JSON.parse(readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8")) as {
        entries: { when: number }[];
      }
    ).entries.map((e) => e.when);
    expect(journal.length).toBeGreaterThan(1);
    // drizzle returns created_at as a string (bigint) on postgres.js, a number on PGlite.
    expect(countPending(journal, journal.map(String))).toBe(0);
    expect(countPending(journal, journal.slice(0, -1))).toBe(1);
    expect(countPending(journal, [])).toBe(journal.length);
    expect(countPending(journal, [...journal, 1])).toBe(0);
  });
});
