/**
 * npm run bench:erasure — the batched erasure against one raw DELETE, in one run, on PostgreSQL.
 *
 * Makes a fresh database (dropped at the end) on BENCH_DATABASE_URL's server (default
 * postgres://postgres@127.0.0.1:5432/postgres) with two identical account holders, each with
 * BENCH_PRINT_JOBS print jobs (default 1,000,000), one material row per job, and temperature
 * samples scaled down to 10 per job for the newest 1 % of jobs, plus a printer. Then:
 *   - holder A: runErasure (batches of 5,000 rows, one short transaction each), rows/s;
 *   - holder B: one raw `DELETE FROM print_jobs WHERE user_id = …` (the cascade takes materials
 *     and samples) and the account row, in one transaction, rows/s;
 * and prints the ratio (bar ≥ 0.5) and the longest single transaction of each.
 */
import { randomUUID } from "node:crypto";
import postgres from "postgres";

const BASE = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const JOBS = Number(process.env.BENCH_PRINT_JOBS ?? 1_000_000);
const SAMPLED = Math.floor(JOBS / 100);
const SAMPLES_PER_JOB = 10;

const name = `erasure_bench_${Date.now().toString(36)}`;
const admin = postgres(BASE, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(BASE);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.LOG_LEVEL ??= "warn";

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

async function main() {
  // Imported after DATABASE_URL is set: lib/env reads it once.
  const { getDbHandle, closeDb } = await import("../db");
  const { openRequest } = await import("../lib/dal/requests/core");
  const { runErasure } = await import("../lib/dal/erasure/run");
  const handle = await getDbHandle();
  const sql = handle.sql!;
  try {
    const [material] = await sql`insert into materials (guid, brand, name, type, color)
      values (${randomUUID()}, 'UltiMaker', 'PLA', 'PLA', 'Black') returning id`;
    async function seed(label: string): Promise<string> {
      const [user] = await sql`insert into users (email, name)
        values (${`${label}-${randomUUID()}@bench.example`}, ${label}) returning id`;
      const userId = user!.id as string;
      const [printer] = await sql`insert into printers (user_id, name, model, serial, firmware)
        values (${userId}, 'S5', 'UltiMaker S5', ${randomUUID()}, '8.3.0') returning id`;
      await sql`insert into print_jobs (user_id, printer_id, name, status, created_at)
        select ${userId}, ${printer!.id}, 'part-' || g, 'finished', now() - g * interval '1 minute'
        from generate_series(1, ${JOBS}) g`;
      await sql`insert into print_job_materials (print_job_id, extruder, user_id, material_id)
        select id, 0, user_id, ${material!.id} from print_jobs where user_id = ${userId}`;
      await sql`insert into print_job_temperature_samples (user_id, print_job_id, sampled_at, nozzle_c, bed_c)
        select j.user_id, j.id, j.created_at + s * interval '1 second', 210, 60
        from (select id, user_id, created_at from print_jobs where user_id = ${userId}
              order by created_at desc limit ${SAMPLED}) j, generate_series(1, ${SAMPLES_PER_JOB}) s`;
      return userId;
    }
    console.log(`seeding 2 holders × ${fmt(JOBS)} print jobs …`);
    const a = await seed("a");
    const b = await seed("b");
    await sql`vacuum analyze`;
    const rowsPerHolder = JOBS * 2 + SAMPLED * SAMPLES_PER_JOB + 2; // + printer, user

    const opened = await openRequest(handle.db, {
      kind: "erasure",
      userId: a,
      actorId: a,
      scheduledFor: new Date(Date.now() - 1000),
    });
    let last = performance.now();
    let longestBatch = 0;
    const started = performance.now();
    const outcome = await runErasure(opened.id, {
      afterBatch: () => {
        const now = performance.now();
        longestBatch = Math.max(longestBatch, now - last);
        last = now;
      },
    });
    const ours = (performance.now() - started) / 1000;
    const tail = performance.now() - last; // receipt + last step (two short transactions)
    if (outcome.status !== "completed") throw new Error(`erasure ${outcome.status}`);
    const erased = Object.entries(outcome.rows)
      .filter(([t]) => !["privacy_requests", "privacy_request_events", "audit_log"].includes(t))
      .reduce((n, [, v]) => n + v, 0);

    const rawStart = performance.now();
    await sql.begin(async (tx) => {
      await tx`delete from print_jobs where user_id = ${b}`;
      await tx`delete from users where id = ${b}`;
    });
    const raw = (performance.now() - rawStart) / 1000;

    console.log("");
    console.log(`rows per holder: ${fmt(rowsPerHolder)} (runErasure deleted ${fmt(erased)})`);
    console.log(
      `runErasure: ${ours.toFixed(1)} s, ${fmt(erased / ours)} rows/s; longest transaction ≤ ${fmt(Math.max(longestBatch, tail))} ms (batches ≤ ${fmt(longestBatch)} ms, receipt + last step ${fmt(tail)} ms)`,
    );
    console.log(
      `raw DELETE … WHERE user_id: ${raw.toFixed(1)} s, ${fmt(rowsPerHolder / raw)} rows/s; its one transaction ${fmt(raw * 1000)} ms`,
    );
    console.log(
      `ratio (runErasure ÷ raw): ${(erased / ours / (rowsPerHolder / raw)).toFixed(2)} (bar ≥ 0.5)`,
    );
  } finally {
    await closeDb();
    await admin.unsafe(`drop database ${name} with (force)`);
    await admin.end();
  }
}

await main();
