/**
 * npm run bench:export — the portability export against PostgreSQL's own COPY, in one run.
 *
 * Needs a built app (`npm run build`) and a PostgreSQL database seeded with a heavy user:
 *   DATABASE_URL=postgres://…/export_bench npm run db:seed -- --users 1 --print-jobs 1000000
 * Starts `tsx server.ts` on BENCH_PORT (default 3120), signs in as the demo user over HTTP, then
 * prints: rows/s through the real routes ÷ rows/s of `psql -c "COPY (same query) TO STDOUT"` for
 * the print-jobs CSV, the JSON and the full ZIP; peak server RSS exporting ~10,000 vs 1,000,000
 * rows; and time to first byte. Bars: ratio ≥ 0.5, RSS difference < 64 MB, TTFB < 500 ms.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { getCategory, type CategoryId } from "../lib/catalog";
import { csvRowsSql, jsonRowsSql, type ExportScope } from "../lib/export/sql";
import { exportTables } from "../lib/export/tables";

const DATABASE_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/export_bench";
const PORT = Number(process.env.BENCH_PORT ?? 3120);
const BASE = `http://127.0.0.1:${PORT}`;
const DEMO = { email: "demo@example.com", password: "demo-Printer-2026!" };

const psql = (sql: string) =>
  execFileSync("psql", [DATABASE_URL, "-X", "-q", "-At", "-c", sql], {
    encoding: "utf8",
    maxBuffer: 1 << 30,
  });

function timePsqlCopy(statements: string[]): number {
  const started = performance.now();
  const args = [DATABASE_URL, "-X", "-q", ...statements.flatMap((s) => ["-c", s])];
  execFileSync("psql", args, { stdio: ["ignore", "ignore", "inherit"], maxBuffer: 1 << 30 });
  return (performance.now() - started) / 1000;
}

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) * 1024;
}

async function startServer() {
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      DATABASE_URL,
      PORT: String(PORT),
      HOST: "127.0.0.1",
      AUTH_SECRET: randomBytes(32).toString("hex"),
      APP_URL: BASE,
      SEED_DEMO_DATA: "false",
      DEMO_MODE: "true", // the seeded staff accounts keep their published demo passwords
      EXPORT_DAILY_LIMIT: "1000",
      EXPORT_REAUTH_MINUTES: "60",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  // npx → tsx → node: the server is the deepest descendant listening on the port.
  const pid = Number(
    execFileSync(
      "sh",
      ["-c", `ss -ltnpH 'sport = :${PORT}' | grep -o 'pid=[0-9]*' | head -1 | cut -d= -f2`],
      { encoding: "utf8" },
    ).trim(),
  );
  return { child, pid };
}

async function signIn(): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (res: Response) => {
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(";");
      const [k, v] = pair!.split("=");
      jar.set(k!, v!);
    }
  };
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const csrfRes = await fetch(`${BASE}/api/auth/csrf`);
  keep(csrfRes);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie() },
    body: new URLSearchParams({
      csrfToken,
      email: DEMO.email,
      password: DEMO.password,
      json: "true",
    }),
  });
  keep(res);
  if (![...jar.keys()].some((k) => k.includes("session")))
    throw new Error(`sign-in failed: ${res.status}`);
  return cookie();
}

type Run = { seconds: number; ttfb: number; bytes: number; peakRss: number };

async function download(path: string, cookie: string, pid: number): Promise<Run> {
  let peakRss = rssOf(pid);
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, rssOf(pid))), 10);
  const started = performance.now();
  // A kept-alive socket may have been closed by the server while psql ran: retry once.
  const res = await fetch(`${BASE}${path}`, { headers: { cookie } }).catch(() =>
    fetch(`${BASE}${path}`, { headers: { cookie } }),
  );
  if (!res.ok || !res.body) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  let ttfb = 0;
  let bytes = 0;
  const reader = res.body.getReader();
  for (let r = await reader.read(); !r.done; r = await reader.read()) {
    if (!ttfb) ttfb = performance.now() - started;
    bytes += r.value.length;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { seconds, ttfb, bytes, peakRss: Math.max(peakRss, rssOf(pid)) };
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;
const rate = (rows: number, s: number) => `${Math.round(rows / s).toLocaleString("en-GB")} rows/s`;

async function main() {
  // The database may predate the latest migrations (the server would apply them only later).
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL },
    stdio: "inherit",
  });
  const userId = psql(`select id from users where email = '${DEMO.email}'`).trim();
  const scope: ExportScope = { userId };
  const jobs = exportTables["print-jobs"][0]!;
  const jobRows = Number(psql(`select count(*) from print_jobs where user_id = '${userId}'`));
  const cutoff = psql(
    `select to_char(created_at at time zone 'UTC', 'YYYY-MM-DD') from print_jobs where user_id = '${userId}' order by created_at desc offset 10000 limit 1`,
  ).trim();
  const smallRows = Number(
    psql(
      `select count(*) from print_jobs where user_id = '${userId}' and created_at >= '${cutoff}T00:00:00Z'`,
    ),
  );
  const all = Object.keys(exportTables) as CategoryId[];
  const allTables = all.flatMap((id) =>
    exportTables[id].map((t) => ({ t, ts: getCategory(id)!.timeSeries })),
  );
  const totalRows = allTables.reduce(
    (n, { t, ts }) =>
      n + Number(psql(`select count(*) from (${csvRowsSql(t, scope, ts, true)}) x`)),
    0,
  );
  console.log(
    `demo user: ${jobRows.toLocaleString("en-GB")} print jobs, ${totalRows.toLocaleString("en-GB")} rows in all; small export: ${smallRows} jobs since ${cutoff}`,
  );
  psql("vacuum analyze");

  const { child, pid } = await startServer();
  try {
    const cookie = await signIn();
    await download(`/api/export/csv/print-jobs?from=${cutoff}`, cookie, pid); // warm-up: load the route
    const small = await download(`/api/export/csv/print-jobs?from=${cutoff}`, cookie, pid);

    const csvBase = timePsqlCopy([
      `copy (${csvRowsSql(jobs, scope, true, true)}) to stdout (format csv)`,
    ]);
    const csv = await download(`/api/export/csv/print-jobs`, cookie, pid);
    const json = await download(`/api/export?format=json&categories=print-jobs`, cookie, pid);
    const zipBase = timePsqlCopy(
      allTables.map(
        ({ t, ts }) => `copy (${csvRowsSql(t, scope, ts, true)}) to stdout (format csv)`,
      ),
    );
    const zip = await download(`/api/export?format=zip`, cookie, pid);

    // JSON of the print-jobs category holds its three tables; count them for a fair ratio.
    const jsonRows = exportTables["print-jobs"].reduce(
      (n, t) => n + Number(psql(`select count(*) from (${csvRowsSql(t, scope, true, true)}) x`)),
      0,
    );
    const jsonBaseAll = timePsqlCopy(
      exportTables["print-jobs"].map(
        (t) =>
          `copy (${jsonRowsSql(t, scope, true, ",")}) to stdout (format csv, quote e'\\x01', delimiter e'\\x02')`,
      ),
    );

    const line = (name: string, rows: number, route: Run, base: number) =>
      console.log(
        `${name.padEnd(22)} route ${rate(rows, route.seconds).padStart(16)} (${route.seconds.toFixed(2)} s, ${mb(route.bytes)})  psql ${rate(rows, base).padStart(16)} (${base.toFixed(2)} s)  ratio ${(base / route.seconds).toFixed(2)}  TTFB ${route.ttfb.toFixed(0)} ms`,
      );
    console.log("");
    line("print-jobs CSV", jobRows, csv, csvBase);
    line("print-jobs JSON", jsonRows, json, jsonBaseAll);
    line("full ZIP (all CSVs)", totalRows, zip, zipBase);
    console.log("");
    console.log(
      `peak RSS exporting ${smallRows.toLocaleString("en-GB")} rows: ${mb(small.peakRss)}; ${jobRows.toLocaleString("en-GB")} rows: ${mb(csv.peakRss)}; difference ${mb(csv.peakRss - small.peakRss)} (bar < 64 MB)`,
    );
    console.log(
      `peak RSS during JSON: ${mb(json.peakRss)}, during the full ZIP: ${mb(zip.peakRss)}`,
    );
    console.log(
      `time to first byte, 1M-row CSV: ${csv.ttfb.toFixed(0)} ms, JSON: ${json.ttfb.toFixed(0)} ms, ZIP: ${zip.ttfb.toFixed(0)} ms (bar < 500 ms)`,
    );
  } finally {
    process.kill(-child.pid!, "SIGTERM");
  }
}

await main();
