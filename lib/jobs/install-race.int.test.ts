import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { queueDatabase } from "@/lib/dal/jobs/queue-database";
import { JobEngine } from "./engine";

// Two instances starting on an empty PostgreSQL database both find pg-boss not installed and
// both install it (its lock is taken after that check): the loser must retry, not stop the
// instance. PGlite is one process's, so this runs on PostgreSQL only.
describe.skipIf(!process.env.DATABASE_URL)("pg-boss installed by two instances at once", () => {
  it("both start, and the schema is installed once", async () => {
    const base = process.env.DATABASE_URL!;
    const name = `pc_boss_race_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const url = new URL(base);
    url.pathname = `/${name}`;
    const handles = [0, 1].map(() => openDatabase({ url: url.toString(), poolMax: 3 }));
    const definitions = [{ name: "race.noop", handler: async () => {} }];
    const engines = handles.map(
      (handle) => new JobEngine({ db: queueDatabase(handle), definitions, pollSeconds: 1 }),
    );
    try {
      await Promise.all(engines.map((e) => e.start()));
      const versions = await handles[0]!.query<{ n: number }>(
        "select count(*)::int as n from pgboss.version",
      );
      expect(versions[0]!.n).toBe(1);
      // Every pooled connection still works (none was left in an aborted transaction).
      for (const handle of handles) {
        await Promise.all([1, 2, 3].map(() => handle.query("select 1")));
      }
    } finally {
      await Promise.all(engines.map((e) => e.stop().catch(() => {})));
      await Promise.all(handles.map((h) => h.close()));
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  }, 60_000);
});
