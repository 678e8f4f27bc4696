import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";
import { getDbHandle } from "@/db";
import { migrationsFolder } from "@/db/migrate";

/** Whether the database answers. Public: reveals only the engine name. */
export async function checkDatabase(): Promise<{ ok: boolean; engine: string }> {
  const handle = await getDbHandle();
  await handle.query("select 1");
  return { ok: true, engine: handle.engine };
}

/** The `when` of every migration in drizzle-kit's journal: the ids drizzle records once applied. */
function journalMigrations(): number[] {
  const journal = JSON.parse(
    readFileSync(path.join(migrationsFolder, "meta", "_journal.json"), "utf8"),
  ) as { entries: { when: number }[] };
  return journal.entries.map((e) => e.when);
}

/** How many of the journal's migrations are not among those applied (drizzle's created_at). */
export function countPending(journal: number[], applied: (string | number)[]): number {
  const done = new Set(applied.map(Number));
  return journal.filter((when) => !done.has(when)).length;
}

export type Readiness = { database: boolean; migrationsPending: number | null };

/**
 * Whether this instance can serve: the database answers and every migration this build ships
 * is applied (an instance of a newer build waits for the one that migrates). Public: counts only.
 */
export async function checkReadiness(): Promise<Readiness> {
  let handle: Awaited<ReturnType<typeof getDbHandle>>;
  try {
    handle = await getDbHandle();
    await handle.query("select 1");
  } catch {
    return { database: false, migrationsPending: null };
  }
  try {
    // drizzle's migrators (both engines) record each applied migration's journal `when` here.
    const rows = await handle.query<{ created_at: string | number }>(
      "select created_at from drizzle.__drizzle_migrations",
    );
    return {
      database: true,
      migrationsPending: countPending(
        journalMigrations(),
        rows.map((r) => r.created_at),
      ),
    };
  } catch {
    return { database: true, migrationsPending: null };
  }
}
