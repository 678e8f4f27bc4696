import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { queueDatabase } from "@/lib/dal/jobs/queue-database";
import { JobEngine } from "./engine";
import type { JobDefinition } from "./types";

// Instances starting together on an empty PostgreSQL database all install pg-boss, create the
// same queues (each a partition of pgboss.job) and write the same schedules. Unordered, that
// deadlocks now and then (CI saw "40P01 deadlock detected" stop an instance): every instance
// must start, and the schema, queues and schedules exist once. PGlite is one process's, so
// this runs on PostgreSQL only.
const definitions: JobDefinition[] = Array.from({ length: 8 }, (_, i) => ({
  name: `race.job-${i}`,
  ...(i % 2 === 0 ? { cron: `${i} * * * *` } : {}),
  handler: async () => {},
}));

describe.skipIf(!process.env.DATABASE_URL)("pg-boss set up by three instances at once", () => {
  it("every instance starts, and the schema, queues and schedules exist once", async () => {
    const base = process.env.DATABASE_URL!;
    const admin = postgres(base, { max: 1, onnotice: () => {} });
    try {
      // A few rounds: a deadlock is a matter of timing, one round may miss it.
      for (let round = 0; round < 4; round += 1) {
        const name = `pc_boss_race_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
        await admin.unsafe(`create database ${name}`);
        const url = new URL(base);
        url.pathname = `/${name}`;
        const handles = [0, 1, 2].map(() => openDatabase({ url: url.toString(), poolMax: 3 }));
        const engines = handles.map(
          (handle) => new JobEngine({ db: queueDatabase(handle), definitions, pollSeconds: 1 }),
        );
        try {
          await Promise.all(engines.map((e) => e.start()));
          const [counts] = await handles[0]!.query<{ v: number; q: number; s: number }>(
            `select (select count(*)::int from pgboss.version) as v,
                    (select count(*)::int from pgboss.queue where name like 'race.%') as q,
                    (select count(*)::int from pgboss.schedule) as s`,
          );
          expect(counts).toEqual({ v: 1, q: 8, s: 4 });
          // Every pooled connection still works (none was left in an aborted transaction).
          for (const handle of handles) {
            await Promise.all([1, 2, 3].map(() => handle.query("select 1")));
          }
        } finally {
          await Promise.all(engines.map((e) => e.stop().catch(() => {})));
          await Promise.all(handles.map((h) => h.close()));
          await admin.unsafe(`drop database if exists ${name} with (force)`);
        }
      }
    } finally {
      await admin.end();
    }
  }, 120_000);
});
