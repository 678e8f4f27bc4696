/**
 * npm run bench:ingest -- [--batches 10] [--jobs 100] [--samples 200] [--printers 50]
 *                         [--events 40] [--port 3120]
 *
 * The ingestion API against PostgreSQL itself, on a fresh database (created on
 * BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * dropped at the end). Needs a build (`npm run build`): it starts the built app (`tsx server.ts`).
 *   (a) POST /api/v1/print-jobs/batch, --batches batches of --jobs jobs × --samples samples
 *       (plus one material row per job) through the real running app, one batch at a time,
 *       against the same rows written by raw multi-row INSERTs (one transaction per batch, the
 *       same tables and columns) in the same run, alternating so drift hits both alike.
 *       Rows/s each and the ratio route ÷ raw (bar ≥ 0.5).
 *   (b) --printers printers, each with its own token, sending --events single status events
 *       (POST /api/v1/printers/{serial}/status) back to back, all at once: p50/p99 latency,
 *       requests/s and errors.
 * Exits 1 if the ratio is under 0.5 or any request failed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes, randomUUID } from "node:crypto";
import { parseArgs } from "node:util";
import postgres from "postgres";
import { dropBenchDatabase } from "./http";
import { sha256Hex } from "../lib/crypto";

const { values } = parseArgs({
  options: {
    batches: { type: "string", default: "10" },
    jobs: { type: "string", default: "100" },
    samples: { type: "string", default: "200" },
    printers: { type: "string", default: "50" },
    events: { type: "string", default: "40" },
    port: { type: "string", default: "3120" },
  },
});
const BATCHES = Number(values.batches);
const JOBS = Number(values.jobs);
const SAMPLES = Number(values.samples);
const PRINTERS = Number(values.printers);
const EVENTS = Number(values.events);
const PORT = Number(values.port);
const BASE = `http://127.0.0.1:${PORT}`;
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `pc_bench_ingest_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const MATERIAL_GUID = "3ee70a86-77d8-4b87-8005-e4a1bc57d2ce"; // PLA Black (db/seed/reference.ts)

const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");

async function startApp(): Promise<ChildProcess> {
  const app = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL: dbUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO_DATA: "false",
      APP_URL: BASE,
      LOG_LEVEL: "warn",
      // The bench measures throughput, not the limiter: one token sends every batch.
      API_RATE_LIMIT_PER_MINUTE: "1000000",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the app did not start within two minutes");
}

type Sql = postgres.Sql;

/** A holder with a printer and a token (straight into the database, as the seed would). */
async function makeHolder(sql: Sql, label: string, printers = 1) {
  const [user] = await sql<{ id: string }[]>`insert into users (email, name, email_verified_at)
    values (${`${label}-${randomUUID()}@bench.example`}, ${label}, now()) returning id`;
  const serials: { serial: string; id: string; secret: string }[] = [];
  for (let i = 0; i < printers; i++) {
    const serial = `BENCH-${label}-${i}`;
    const [p] = await sql<
      { id: string }[]
    >`insert into printers (user_id, name, model, serial, firmware)
      values (${user!.id}, ${serial}, 'UltiMaker S5', ${serial}, '8.3.0') returning id`;
    const secret = `pct_${randomBytes(32).toString("base64url")}`;
    await sql`insert into access_tokens (user_id, name, kind, scopes, prefix, token_hash)
      values (${user!.id}, ${`bench ${i}`}, 'printer',
              ${sql.array(["printers:write", "print-jobs:write"])}, ${secret.slice(0, 8)},
              ${sha256Hex(secret)})`;
    serials.push({ serial, id: p!.id, secret });
  }
  return { userId: user!.id, printers: serials };
}

/** One batch's jobs, as the API takes them; times within the last day. */
function batchJobs(serial: string, round: number) {
  const base = Date.now() - 6 * 3_600_000 + round * 60_000;
  return Array.from({ length: JOBS }, (_, j) => {
    const created = base + j * 1000;
    return {
      printerSerial: serial,
      name: `bench-${round}-${j}.ufp`,
      status: "finished",
      createdAt: new Date(created).toISOString(),
      startedAt: new Date(created + 1000).toISOString(),
      finishedAt: new Date(created + 1000 + SAMPLES * 1000).toISOString(),
      nozzleTempC: 210,
      bedTempC: 60,
      layerHeightMm: 0.15,
      infillPercent: 20,
      materials: [{ extruder: 1, materialGuid: MATERIAL_GUID, amountGrams: 12.5 }],
      samples: Array.from({ length: SAMPLES }, (_, s) => ({
        sampledAt: new Date(created + 1000 + s * 1000).toISOString(),
        nozzleC: 209.5 + (s % 10) / 10,
        nozzleTargetC: 210,
        bedC: 59.8 + (s % 4) / 10,
        bedTargetC: 60,
      })),
    };
  });
}
type BenchJob = ReturnType<typeof batchJobs>[number];

/** The same rows with multi-row INSERTs in one transaction (≤ 5,000 rows per statement). */
async function rawInsert(
  sql: Sql,
  userId: string,
  printerId: string,
  materialId: string,
  jobs: BenchJob[],
) {
  await sql.begin(async (tx) => {
    const ids = await tx<{ id: string }[]>`insert into print_jobs ${tx(
      jobs.map((j) => ({
        user_id: userId,
        printer_id: printerId,
        name: j.name,
        status: j.status,
        created_at: j.createdAt,
        started_at: j.startedAt,
        finished_at: j.finishedAt,
        nozzle_temp_c: j.nozzleTempC,
        bed_temp_c: j.bedTempC,
        layer_height_mm: j.layerHeightMm,
        infill_percent: j.infillPercent,
      })),
    )} returning id`;
    await tx`insert into print_job_materials ${tx(
      ids.map((r, i) => ({
        print_job_id: r.id,
        extruder: jobs[i]!.materials[0]!.extruder,
        user_id: userId,
        material_id: materialId,
        amount_grams: jobs[i]!.materials[0]!.amountGrams,
      })),
    )}`;
    const samples = jobs.flatMap((j, i) =>
      j.samples.map((s) => ({
        user_id: userId,
        print_job_id: ids[i]!.id,
        sampled_at: s.sampledAt,
        nozzle_c: s.nozzleC,
        nozzle_target_c: s.nozzleTargetC,
        bed_c: s.bedC,
        bed_target_c: s.bedTargetC,
      })),
    );
    for (let i = 0; i < samples.length; i += 5000) {
      await tx`insert into print_job_temperature_samples ${tx(samples.slice(i, i + 5000))}`;
    }
  });
}

async function postBatch(secret: string, jobs: BenchJob[]): Promise<void> {
  const res = await fetch(`${BASE}/api/v1/print-jobs/batch`, {
    method: "POST",
    headers: {
      authorization: `Bearer ${secret}`,
      "content-type": "application/json",
      "idempotency-key": randomUUID(),
    },
    body: JSON.stringify({ jobs }),
  });
  const text = await res.text();
  if (res.status !== 201) throw new Error(`batch answered ${res.status}: ${text.slice(0, 300)}`);
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function statusStorm(fleet: { serial: string; secret: string }[]) {
  const latencies: number[] = [];
  const errors = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    fleet.map(async ({ serial, secret }, i) => {
      const statuses = ["idle", "printing", "paused", "printing"];
      for (let e = 0; e < EVENTS; e++) {
        const t0 = performance.now();
        let outcome: string;
        try {
          const res = await fetch(`${BASE}/api/v1/printers/${serial}/status`, {
            method: "POST",
            headers: {
              authorization: `Bearer ${secret}`,
              "content-type": "application/json",
              "idempotency-key": `${serial}-${e}-${i}`,
            },
            body: JSON.stringify({
              status: statuses[e % statuses.length],
              occurredAt: new Date().toISOString(),
            }),
          });
          await res.arrayBuffer();
          outcome = String(res.status);
        } catch (error) {
          outcome = (error as Error).message;
        }
        latencies.push(performance.now() - t0);
        if (outcome !== "201") errors.set(outcome, (errors.get(outcome) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { latencies, errors, seconds };
}

async function main() {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  let app: ChildProcess | undefined;
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  let failed = false;
  try {
    console.log(`Database ${dbName}; starting the app on ${BASE} (it migrates)…`);
    app = await startApp();
    const [material] = await sql<
      { id: string }[]
    >`insert into materials (guid, brand, name, type, color)
      values (${MATERIAL_GUID}, 'UltiMaker', 'PLA Black', 'PLA', 'Black') returning id`;
    const viaApi = await makeHolder(sql, "route");
    const viaSql = await makeHolder(sql, "raw");
    const rowsPerBatch = JOBS * (2 + SAMPLES);

    // Warm-up (compiles the route, fills caches), not counted.
    await postBatch(viaApi.printers[0]!.secret, batchJobs(viaApi.printers[0]!.serial, -1));
    await rawInsert(sql, viaSql.userId, viaSql.printers[0]!.id, material!.id, batchJobs("x", -1));

    let routeMs = 0;
    let rawMs = 0;
    for (let b = 0; b < BATCHES; b++) {
      const forApi = batchJobs(viaApi.printers[0]!.serial, b);
      const forSql = batchJobs(viaSql.printers[0]!.serial, b);
      const t0 = performance.now();
      await postBatch(viaApi.printers[0]!.secret, forApi);
      const t1 = performance.now();
      await rawInsert(sql, viaSql.userId, viaSql.printers[0]!.id, material!.id, forSql);
      const t2 = performance.now();
      routeMs += t1 - t0;
      rawMs += t2 - t1;
    }
    // Both sides stored the same rows: check rather than trust.
    const counts = await sql<
      { user_id: string; jobs: number; samples: number; materials: number }[]
    >`
      select j.user_id, count(distinct j.id)::int as jobs,
             (select count(*)::int from print_job_temperature_samples s where s.user_id = j.user_id) as samples,
             (select count(*)::int from print_job_materials m where m.user_id = j.user_id) as materials
      from print_jobs j where j.user_id in (${viaApi.userId}, ${viaSql.userId}) group by j.user_id`;
    const expected = (BATCHES + 1) * JOBS;
    for (const c of counts) {
      if (c.jobs !== expected || c.samples !== expected * SAMPLES || c.materials !== expected) {
        throw new Error(`row counts differ from what was sent: ${JSON.stringify(c)}`);
      }
    }
    const rows = BATCHES * rowsPerBatch;
    const routeRate = rows / (routeMs / 1000);
    const rawRate = rows / (rawMs / 1000);
    const ratio = routeRate / rawRate;

    const storm = await makeHolder(sql, "storm", PRINTERS);
    const { latencies, errors, seconds } = await statusStorm(storm.printers);
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);

    console.log(
      `\n(a) ${BATCHES} batches × ${JOBS} jobs × ${SAMPLES} samples (+1 material each): ${fmt(rows)} rows`,
    );
    console.log(
      `    route POST /api/v1/print-jobs/batch  ${(routeMs / 1000).toFixed(2)} s  ${fmt(routeRate)} rows/s`,
    );
    console.log(
      `    raw multi-row INSERT                 ${(rawMs / 1000).toFixed(2)} s  ${fmt(rawRate)} rows/s`,
    );
    console.log(
      `    ratio route ÷ raw                    ${ratio.toFixed(2)}  (bar ≥ 0.5)  ${ratio >= 0.5 ? "PASS" : "FAIL"}`,
    );
    console.log(
      `\n(b) ${PRINTERS} printers at once, ${EVENTS} status events each (${fmt(latencies.length)} requests, ${seconds.toFixed(1)} s):`,
    );
    console.log(
      `    p50 ${percentile(latencies, 50).toFixed(1)} ms   p99 ${percentile(latencies, 99).toFixed(1)} ms   max ${latencies.at(-1)!.toFixed(1)} ms`,
    );
    console.log(
      `    ${fmt(latencies.length / seconds)} requests/s; errors: ${errorCount === 0 ? "none" : JSON.stringify(Object.fromEntries(errors))}`,
    );
    failed = ratio < 0.5 || errorCount > 0;
  } finally {
    if (app?.pid) process.kill(-app.pid, "SIGTERM");
    await sql.end({ timeout: 5 });
    await dropBenchDatabase(admin, dbName);
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
