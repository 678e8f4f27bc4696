// The two-instance end-to-end harness (playwright.multi.config.ts, `npm run test:multi`): one
// fresh PostgreSQL database (DATABASE_URL is required: PGlite is one process's), the test mail
// server, two production instances of the same build (`tsx server.ts`, as `npm start` does)
// started at the same moment, and the round-robin proxy in front of them.
//
//   node scripts/e2e-multi-server.mjs [proxy-port]     # instances on proxy-port + 1 and + 2
//
// Both instances share AUTH_SECRET, AUDIT_KEY and APP_URL (the proxy), and trust the proxy's
// X-Forwarded-For. They start on an empty database at once, so both race to migrate (the
// advisory lock in db/migrate.ts lets one do it); the test data is seeded after both are up.
// Specs read the addresses and the database URL from test-results/e2e-multi-<port>.json.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { startTestMailServer } from "./e2e-mail-server.mjs";
import { startRoundRobinProxy } from "./lb-proxy.mjs";

const proxyPort = Number(process.argv[2] ?? 3143);
const ports = [proxyPort + 1, proxyPort + 2];
const base = process.env.DATABASE_URL;
if (!base) {
  console.error(
    "[error] e2e-multi-server: DATABASE_URL is required (two instances need one PostgreSQL).",
  );
  process.exit(1);
}

const appUrl = `http://127.0.0.1:${proxyPort}`;
const env = {
  ...process.env,
  NODE_ENV: "production",
  APP_URL: appUrl,
  AUTH_SECRET: randomBytes(32).toString("hex"),
  AUDIT_KEY: randomBytes(32).toString("hex"),
  DEMO_MODE: "true",
  // Seeded below, once, after both instances are up: two start-up seeds would race.
  SEED_DEMO_DATA: "false",
  TRUSTED_PROXIES: "127.0.0.1,::1",
  E2E: "true",
  JOBS_POLL_SECONDS: "1",
  // Small limits, so the specs reach them quickly on either instance.
  EXPORT_DAILY_LIMIT: "3",
  EXPORT_MAX_CONCURRENT: "1",
  // Debug lines carry the request id into route handlers (e2e/multi/health-logs.spec.ts).
  LOG_LEVEL: "debug",
};

const smtpPort = Number(process.env.E2E_MAIL_SMTP_PORT ?? proxyPort + 3);
const mailHttpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? proxyPort + 4);
const mail = await startTestMailServer({ smtpPort, httpPort: mailHttpPort });
env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;

const name = `pc_e2e_multi_${Date.now().toString(36)}_${process.pid}`;
const admin = postgres(base, { max: 1, onnotice: () => {} });
await admin.unsafe(`create database ${name}`);
const url = new URL(base);
url.pathname = `/${name}`;
env.DATABASE_URL = url.toString();

const children = [];
let proxy = null;
let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  await proxy?.close().catch(() => {});
  for (const child of children) if (child.exitCode === null) child.kill("SIGTERM");
  await Promise.all(
    children.map((c) => (c.exitCode !== null ? null : new Promise((r) => c.once("exit", r)))),
  );
  await admin.unsafe(`drop database if exists ${name} with (force)`).catch(() => {});
  await admin.end({ timeout: 5 }).catch(() => {});
  await mail.close().catch(() => {});
  process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));

mkdirSync("test-results", { recursive: true });
for (const [i, port] of ports.entries()) {
  const label = "ab"[i];
  // node itself with tsx's loader (what the Dockerfile runs): signals reach the server directly.
  const child = spawn(process.execPath, ["--import", "tsx", "server.ts"], {
    env: { ...env, PORT: String(port), HOST: "127.0.0.1" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  // Each instance's lines go to Playwright prefixed, and to its own log file for the specs.
  const file = createWriteStream(path.resolve(`test-results/e2e-multi-${proxyPort}-${label}.log`));
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ]) {
    from.on("data", (chunk) => {
      file.write(chunk);
      to.write(chunk.toString().replace(/^(?=.)/gm, `[${label}] `));
    });
  }
  child.on("exit", (code) => {
    if (!stopping) {
      console.error(`[error] instance ${label} exited with ${code}`);
      void stop(code || 1);
    }
  });
  children.push(child);
}

async function waitReady(port) {
  const deadline = Date.now() + 240_000;
  while (Date.now() < deadline) {
    try {
      const answer = await fetch(`http://127.0.0.1:${port}/api/health/ready`);
      if (answer.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`instance on ${port} not ready in time`);
}
try {
  await Promise.all(ports.map(waitReady));
} catch (error) {
  console.error(`[error] e2e-multi-server: ${error.message}`);
  await stop(1);
}

const holdersFile = path.resolve(`test-results/e2e-holders-${proxyPort}.json`);
rmSync(`${holdersFile}.claims`, { recursive: true, force: true });
mkdirSync(`${holdersFile}.claims`, { recursive: true });
const seeded = spawnSync(
  "npx",
  ["tsx", "--conditions=react-server", "scripts/e2e-seed.ts", "12", holdersFile],
  // The last two holders (one per spec that needs one) have enough print jobs that its export is still running while a spec looks.
  { env: { ...env, E2E_HEAVY_PRINT_JOBS: "60000", E2E_HEAVY_HOLDERS: "2" }, stdio: "inherit" },
);
if (seeded.status !== 0) await stop(1);

writeFileSync(
  path.resolve(`test-results/e2e-multi-${proxyPort}.json`),
  JSON.stringify({
    proxy: appUrl,
    instances: ports.map((p) => `http://127.0.0.1:${p}`),
    databaseUrl: env.DATABASE_URL,
    holdersFile,
    logs: ["a", "b"].map((l) => path.resolve(`test-results/e2e-multi-${proxyPort}-${l}.log`)),
  }),
);
// The instances' settings, secrets included (test-only, random per run, readable by this user
// only): e2e/multi/shutdown.spec.ts starts a third instance of its own with them.
const own = Object.fromEntries(
  Object.entries(env).filter(([k, v]) => process.env[k] !== v || k === "DATABASE_URL"),
);
writeFileSync(path.resolve(`test-results/e2e-multi-${proxyPort}.env.json`), JSON.stringify(own), {
  mode: 0o600,
});
proxy = await startRoundRobinProxy({ port: proxyPort, targets: ports });
console.log(`[info] e2e-multi: proxy ${appUrl} → ${ports.join(", ")}`);
