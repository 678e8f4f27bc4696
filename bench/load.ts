/**
 * npm run bench:load -- [--quick] [--users 1000] [--print-jobs 1000000] [--holders 100]
 *                       [--seconds 20] [--rounds 2] [--port 3150]
 *
 * Load test: --holders signed-in account holders (one autocannon connection each) browse the
 * overview and four data pages, round-robin, for --seconds, against
 *   A. one instance, directly;
 *   B. the same instance behind scripts/lb-proxy.mjs (the proxy's own cost);
 *   C. two instances behind the proxy (round-robin).
 * Prints requests/s, p50/p99 latency and errors/non-2xx (bar: 0) for each, and the ratios
 * C ÷ B (what a second instance adds) and C ÷ A. Each configuration runs --rounds times and the
 * best round counts (the machine is shared); every round is printed.
 *
 * On a fresh PostgreSQL database (created here, dropped at the end) seeded with --users account
 * holders and the demo holder with --print-jobs print jobs; the demo holder is one of the
 * browsing holders. Set BENCH_LOAD_DATABASE_URL to an already seeded database to skip seeding
 * (it is then kept). Needs a build (`npm run build`). Instances are `tsx server.ts` in production
 * mode with one shared AUTH_SECRET and TRUSTED_PROXIES=127.0.0.1. Ports: --port (two-instance
 * proxy), +1 and +2 (instances), +3 (one-instance proxy). --quick: 120 users, 20,000 print jobs,
 * 40 holders, 5 s, one round. Exits 1 when any run had an error or a non-2xx answer.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import postgres from "postgres";
import { Client, dropBenchDatabase } from "./http";

const { values } = parseArgs({
  options: {
    quick: { type: "boolean", default: false },
    users: { type: "string" },
    "print-jobs": { type: "string" },
    holders: { type: "string" },
    seconds: { type: "string" },
    rounds: { type: "string" },
    port: { type: "string", default: "3150" },
  },
});
const quick = values.quick;
const users = Number(values.users ?? (quick ? 120 : 1_000));
const jobs = Number(values["print-jobs"] ?? (quick ? 20_000 : 1_000_000));
const holders = Number(values.holders ?? (quick ? 40 : 100));
const seconds = Number(values.seconds ?? (quick ? 5 : 20));
const rounds = Number(values.rounds ?? (quick ? 1 : 2));
const basePort = Number(values.port);
const ports = { two: basePort, a: basePort + 1, b: basePort + 2, one: basePort + 3 };

const DEMO = { email: "demo@example.com", password: "demo-Printer-2026!" };
const VOLUME_PASSWORD = "volume-Printer-2026!"; // db/seed/accounts.ts (bench-only)
const PAGES = [
  "/account",
  "/account/data/print-jobs",
  "/account/data/printers",
  "/account/data/login-activity",
  "/account/data/cura-configuration",
];

const reuseUrl = process.env.BENCH_LOAD_DATABASE_URL;
const serverUrl =
  process.env.BENCH_DATABASE_URL ??
  process.env.DATABASE_URL ??
  "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `pc_bench_load_${randomBytes(4).toString("hex")}`;
const dbUrl =
  reuseUrl ??
  (() => {
    const u = new URL(serverUrl);
    u.pathname = `/${dbName}`;
    return u.toString();
  })();
const AUTH_SECRET = randomBytes(32).toString("hex");

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

async function waitFor(url: string, what: string, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (child.exitCode !== null) throw new Error(`${what} exited with code ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} did not start within two minutes`);
}

const children: ChildProcess[] = [];
const stopAll = () => {
  for (const child of children) {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
  }
};

async function startInstance(port: number): Promise<void> {
  const child = spawn("npx", ["tsx", "server.ts"], {
    env: {
      ...process.env,
      NODE_ENV: "production",
      PORT: String(port),
      HOST: "127.0.0.1",
      DATABASE_URL: dbUrl,
      AUTH_SECRET,
      TRUSTED_PROXIES: "127.0.0.1",
      SEED_DEMO_DATA: "false",
      // The seeded staff accounts keep their published demo passwords: a bench, not a deployment.
      DEMO_MODE: "true",
      APP_URL: `http://127.0.0.1:${ports.two}`,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/api/health`, `the instance on port ${port}`, child);
}

async function startProxy(port: number, targets: number[]): Promise<void> {
  const child = spawn("node", ["scripts/lb-proxy.mjs", String(port), ...targets.map(String)], {
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  await waitFor(`http://127.0.0.1:${port}/api/health`, `the proxy on port ${port}`, child);
}

/** Signs the holders in over HTTP, a few at a time (argon2 is slow on purpose). */
async function signInAll(emails: { email: string; password: string }[]): Promise<string[]> {
  const cookies: string[] = new Array(emails.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      while (next < emails.length) {
        const i = next++;
        const client = new Client(`http://127.0.0.1:${ports.a}`);
        await client.signIn(emails[i]!.email, emails[i]!.password);
        cookies[i] = client.cookieHeader();
      }
    }),
  );
  return cookies;
}

/**
 * Waits until every instance answers a signed-in page within a second: requests the last run
 * left queued (autocannon stops at the deadline; the server finishes what it was sent) must
 * not slow down the next run.
 */
async function settle(cookie: string): Promise<void> {
  for (const port of [ports.a, ports.b]) {
    for (let i = 0; i < 120; i++) {
      const started = performance.now();
      const res = await fetch(`http://127.0.0.1:${port}/account/profile`, { headers: { cookie } });
      await res.arrayBuffer();
      if (performance.now() - started < 1_000) break;
    }
  }
}

type Result = { rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** One connection per holder; each connection keeps its holder's cookie and walks PAGES. */
async function load(port: number, cookies: string[], duration: number): Promise<Result> {
  let nextHolder = 0;
  const withCookie = (req: Record<string, unknown>, context: Record<string, unknown>) => {
    context.cookie ??= cookies[nextHolder++ % cookies.length];
    return { ...req, headers: { ...(req.headers as object), cookie: context.cookie as string } };
  };
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: cookies.length,
    duration,
    // A page waits its turn behind the other holders' pages; on a loaded 2-core machine that
    // takes seconds. A timed-out request would keep the server busy into the next run.
    timeout: 120,
    requests: PAGES.map((path) => ({ method: "GET", path, setupRequest: withCookie })),
  });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors, // timeouts included
    non2xx: result.non2xx,
  };
}

const fmt = (r: Result) =>
  `${r.rps.toFixed(1).padStart(7)} req/s  p50 ${String(r.p50).padStart(5)} ms  p99 ${String(r.p99).padStart(5)} ms  errors ${r.errors}  non-2xx ${r.non2xx}`;

async function main() {
  const admin = reuseUrl ? null : postgres(serverUrl, { max: 1, onnotice: () => {} });
  let failed = false;
  try {
    if (admin) {
      await admin.unsafe(`create database ${dbName}`);
      console.log(
        `Database ${dbName}; seeding ${users.toLocaleString("en")} account holders and the demo holder with ${jobs.toLocaleString("en")} print jobs…`,
      );
      const seedStarted = Date.now();
      await run(
        "npx",
        [
          "tsx",
          "--conditions=react-server",
          "db/seed/cli.ts",
          "--users",
          String(users),
          "--print-jobs",
          String(jobs),
        ],
        { DATABASE_URL: dbUrl },
      );
      console.log(`Seeded in ${((Date.now() - seedStarted) / 1000).toFixed(1)}s`);
    }
    const sql = postgres(dbUrl, { max: 1, onnotice: () => {} });
    await sql.unsafe("vacuum analyze");
    const volume = await sql<{ email: string }[]>`
      select email from users where email like '%@volume.example.com' order by email
      limit ${holders - 1}`;
    const [counts] = await sql<{ users: number; jobs: number }[]>`
      select (select count(*)::int from users) as users,
             (select count(*)::int from print_jobs) as jobs`;
    await sql.end({ timeout: 5 });
    const accounts = [DEMO, ...volume.map((v) => ({ email: v.email, password: VOLUME_PASSWORD }))];

    await Promise.all([startInstance(ports.a), startInstance(ports.b)]);
    await startProxy(ports.one, [ports.a]);
    await startProxy(ports.two, [ports.a, ports.b]);
    const signStarted = Date.now();
    const cookies = await signInAll(accounts);
    console.log(
      `${counts!.users.toLocaleString("en")} users, ${counts!.jobs.toLocaleString("en")} print jobs; ${cookies.length} holders signed in (${((Date.now() - signStarted) / 1000).toFixed(1)}s); pages: ${PAGES.join(", ")}`,
    );
    // Warm-up: both instances load every page's code and fill their connection pools.
    await load(ports.two, cookies, Math.min(5, seconds));

    const configs = [
      { name: "one instance", port: ports.a },
      { name: "one instance + proxy", port: ports.one },
      { name: "two instances + proxy", port: ports.two },
    ] as const;
    const best = new Map<string, Result>();
    for (let r = 1; r <= rounds; r++) {
      for (const c of configs) {
        await settle(cookies[0]!);
        const result = await load(c.port, cookies, seconds);
        console.log(`round ${r}  ${c.name.padEnd(22)} ${fmt(result)}`);
        if (result.errors || result.non2xx) failed = true;
        if (!best.has(c.name) || result.rps > best.get(c.name)!.rps) best.set(c.name, result);
      }
    }
    console.log(
      `\nBest of ${rounds} round(s), ${holders} holders, ${seconds} s each (bar: 0 errors, 0 non-2xx):`,
    );
    for (const c of configs) console.log(`  ${c.name.padEnd(22)} ${fmt(best.get(c.name)!)}`);
    const one = best.get("one instance")!.rps;
    const oneProxy = best.get("one instance + proxy")!.rps;
    const two = best.get("two instances + proxy")!.rps;
    console.log(
      `  two ÷ one instance, both behind the proxy: ${(two / oneProxy).toFixed(2)}; two (proxy) ÷ one (direct): ${(two / one).toFixed(2)}; proxy cost: one + proxy ÷ one = ${(oneProxy / one).toFixed(2)}`,
    );
    console.log(`  ${failed ? "FAIL: some requests failed" : "PASS: no errors"}`);
  } finally {
    stopAll();
    if (admin) {
      await dropBenchDatabase(admin, dbName, 2_000);
    }
  }
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  stopAll();
  process.exit(1);
});
