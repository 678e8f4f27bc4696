/**
 * npm run bench:pages -- [--print-jobs 1000000] [--requests 40] [--port 3110]
 *
 * On a fresh PostgreSQL database (created here, dropped at the end) seeded with one account
 * holder owning --print-jobs print jobs, starts the built app (run `npm run build` first),
 * signs in over real HTTP and prints:
 *   1. overview (/account) median ÷ a trivial signed-in page (/account/profile) median  (bar ≤ 3)
 *   2. print-jobs list page 1,000 (cursor of row 25,000) ÷ page 1                       (bar ≤ 1.5)
 *   3. EXPLAIN ANALYZE of the list query at that cursor: an index scan and no Sort node  (bar)
 * Uses BENCH_DATABASE_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres
 * as the server to create the database on. Exits 1 if a bar is missed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import { and, eq } from "drizzle-orm";
import { drizzle } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import { printJobs } from "../db/schema";
import { keyset } from "../lib/dal/data/keyset";
import { Client, dropBenchDatabase, median } from "./http";

const { values } = parseArgs({
  options: {
    "print-jobs": { type: "string", default: "1000000" },
    requests: { type: "string", default: "40" },
    port: { type: "string", default: "3110" },
  },
});
const jobs = Number(values["print-jobs"]);
const requests = Number(values.requests);
const port = Number(values.port);
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `pc_bench_pages_${randomBytes(4).toString("hex")}`;
const dbUrl = (() => {
  const u = new URL(serverUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();
const DEMO = { email: "demo@example.com", password: "demo-Printer-2026!" };

function run(cmd: string, args: string[], env: Record<string, string>): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, {
      env: { ...process.env, ...env },
      stdio: ["ignore", "inherit", "inherit"],
    });
    child.on("exit", (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(" ")} exited ${code}`)),
    );
  });
}

async function startApp(): Promise<ChildProcess> {
  const app = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: dbUrl,
      AUTH_SECRET: randomBytes(32).toString("hex"),
      SEED_DEMO_DATA: "false",
      APP_URL: `http://127.0.0.1:${port}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 120; i++) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) return app;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error("the app did not start within a minute");
}

/** Median of `n` rounds; the pages alternate inside each round so drift hits both alike. */
async function compare(client: Client, a: string, b: string, n: number) {
  for (let i = 0; i < 5; i++) await Promise.all([client.time(a), client.time(b)]); // warm-up
  const ta: number[] = [];
  const tb: number[] = [];
  for (let i = 0; i < n; i++) {
    ta.push(await client.time(a));
    tb.push(await client.time(b));
  }
  return { a: median(ta), b: median(tb), ratio: median(ta) / median(tb) };
}

async function main() {
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${dbName}`);
  let app: ChildProcess | undefined;
  const sql = postgres(dbUrl, { max: 2, onnotice: () => {} });
  let failed = false;
  try {
    console.log(
      `Database ${dbName}; seeding 1 account holder with ${jobs.toLocaleString("en")} print jobs…`,
    );
    const seedStarted = Date.now();
    await run(
      "npx",
      [
        "tsx",
        "--conditions=react-server",
        "db/seed/cli.ts",
        "--users",
        "1",
        "--print-jobs",
        String(jobs),
      ],
      {
        DATABASE_URL: dbUrl,
      },
    );
    console.log(`Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)}s`);
    // What autovacuum does soon after a bulk load: visibility map (index-only counts) and statistics.
    await sql.unsafe("vacuum analyze");

    app = await startApp();
    const client = new Client(`http://127.0.0.1:${port}`);
    await client.signIn(DEMO.email, DEMO.password);

    const overview = await compare(client, "/account", "/account/profile", requests);
    const [user] = await sql<{ id: string }[]>`select id from users where email = ${DEMO.email}`;
    const userId = user!.id;
    const row = Math.min(25_000, jobs - 1);
    const [deep] = await sql<{ k: string; id: string }[]>`
      select (extract(epoch from created_at) * 1000000)::bigint::text as k, id::text as id
      from print_jobs where user_id = ${userId}
      order by created_at desc, id desc offset ${row - 1} limit 1`;
    const cursor = `${deep!.k}_${deep!.id}`;
    const paging = await compare(
      client,
      `/account/data/print-jobs?after=${cursor}`,
      "/account/data/print-jobs",
      requests,
    );

    // The list query exactly as lib/dal/data/print-jobs.ts builds it (same keyset helper).
    const db = drizzle({ client: sql, casing: "snake_case" });
    const k = keyset(printJobs.createdAt, printJobs.id, "uuid", { after: cursor });
    const query = db
      .select({
        id: printJobs.id,
        name: printJobs.name,
        status: printJobs.status,
        createdAt: printJobs.createdAt,
      })
      .from(printJobs)
      .where(and(eq(printJobs.userId, userId), k.where))
      .orderBy(...k.orderBy)
      .limit(k.limit)
      .toSQL();
    const plan = (
      await sql.unsafe(`explain (analyze, costs off) ${query.sql}`, query.params as never[])
    ).map((r) => Object.values(r)[0] as string);
    const text = plan.join("\n");
    const indexScan = /Index (Only )?Scan.*print_jobs_user_created_idx/.test(text);
    const noSort = !/\bSort\b/.test(text);

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(
      `\nMedian of ${requests} requests each, over HTTP, ${jobs.toLocaleString("en")} print jobs:`,
    );
    console.log(`  /account (overview)            ${ms(overview.a)}`);
    console.log(`  /account/profile (trivial)     ${ms(overview.b)}`);
    console.log(
      `  overview ratio                 ${overview.ratio.toFixed(2)}  (bar ≤ 3)  ${overview.ratio <= 3 ? "PASS" : "FAIL"}`,
    );
    console.log(`  print jobs page 1              ${ms(paging.b)}`);
    console.log(`  print jobs page 1,000 (row ${row.toLocaleString("en")})  ${ms(paging.a)}`);
    console.log(
      `  deep/first ratio               ${paging.ratio.toFixed(2)}  (bar ≤ 1.5)  ${paging.ratio <= 1.5 ? "PASS" : "FAIL"}`,
    );
    console.log(
      `\nEXPLAIN ANALYZE of the list query at that cursor:\n${plan.map((l) => `  ${l}`).join("\n")}`,
    );
    console.log(
      `  index scan: ${indexScan ? "yes" : "NO"}; sort node: ${noSort ? "none" : "PRESENT"}  ${indexScan && noSort ? "PASS" : "FAIL"}`,
    );
    failed = overview.ratio > 3 || paging.ratio > 1.5 || !indexScan || !noSort;
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
