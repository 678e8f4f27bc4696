// Starts the production build (`tsx server.ts`, as `npm start` does) for the end-to-end tests against a database nobody else uses: a fresh
// PostgreSQL database when DATABASE_URL is set (dropped on exit), else a temporary PGlite folder.
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import postgres from "postgres";
import { startTestMailServer } from "./e2e-mail-server.mjs";

const port = process.argv[2] ?? "3100";
const env = {
  ...process.env,
  NODE_ENV: "production",
  APP_URL: `http://127.0.0.1:${port}`,
  AUTH_SECRET: randomBytes(32).toString("hex"),
  // A production start seeds the demo sign-ins (published passwords) only in demo mode, which
  // also puts the "Demo mode" banner on every page.
  DEMO_MODE: "true",
  SEED_DEMO_DATA: "true",
  // Tests send X-Forwarded-For with their own documentation-range address (see e2e/fixtures).
  TRUSTED_PROXIES: "127.0.0.1,::1",
  E2E: "true",
  // Short enough that the export spec sees the password step-up after a fresh sign-in.
  EXPORT_REAUTH_MINUTES: "0.1",
  // Background-job workers poll every second, so a job due now runs within a test's patience.
  JOBS_POLL_SECONDS: "1",
  // ≈ 43 s: e2e/erasure.spec.ts keeps one account within the grace period and waits another out.
  ERASURE_GRACE_DAYS: "0.0005",
};

// A real SMTP server receives the app's mail; tests read it over HTTP (e2e/fixtures/mailbox.ts).
const smtpPort = Number(process.env.E2E_MAIL_SMTP_PORT ?? 3198);
const mailHttpPort = Number(process.env.E2E_MAIL_HTTP_PORT ?? 3199);
const mail = await startTestMailServer({ smtpPort, httpPort: mailHttpPort });
env.SMTP_URL = `smtp://127.0.0.1:${smtpPort}`;

let cleanup = async () => {};
if (process.env.DATABASE_URL) {
  const base = process.env.DATABASE_URL;
  const name = `pc_e2e_${Date.now().toString(36)}_${process.pid}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  cleanup = async () => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
} else {
  const dir = mkdtempSync(path.join(tmpdir(), "pc-e2e-"));
  env.PGLITE_DATA_DIR = path.join(dir, "pglite");
  cleanup = async () => rmSync(dir, { recursive: true, force: true });
}

// Test-only data: the demo accounts and a pool of account holders with the demo's kind of
// data, one for each test that asks for one (e2e/fixtures/users.ts), written before the app
// opens the database (PGlite is one process's). The app's own start-up seed then finds data.
// A claimed holder is never handed out again (a test may have changed its data). A run of the
// whole suite claims about 22 (the data, data-pages, export, sweep and i18n specs, some once per
// project); a retry claims again, so 48 leaves room for retries. Each costs about a second of
// start-up.
const HOLDERS = 48;
const holdersFile = path.resolve(`test-results/e2e-holders-${port}.json`);
rmSync(`${holdersFile}.claims`, { recursive: true, force: true });
mkdirSync(`${holdersFile}.claims`, { recursive: true });
const seeded = spawnSync(
  "npx",
  [
    "tsx",
    "--conditions=react-server",
    "scripts/e2e-seed.ts",
    process.env.E2E_HOLDERS ?? String(HOLDERS),
    holdersFile,
  ],
  { env, stdio: "inherit" },
);
if (seeded.status !== 0) {
  await cleanup().catch(() => {});
  await mail.close().catch(() => {});
  process.exit(1);
}

const child = spawn("npx", ["tsx", "server.ts"], {
  env: { ...env, PORT: port, HOST: "127.0.0.1" },
  stdio: ["inherit", "pipe", "pipe"],
});
// The server's output goes on to Playwright as before, and into E2E_SERVER_LOG (set by
// playwright.config.ts) so a spec can check what the server logged (e2e/paging.spec.ts).
const serverLog = process.env.E2E_SERVER_LOG
  ? (mkdirSync(path.dirname(process.env.E2E_SERVER_LOG), { recursive: true }),
    createWriteStream(process.env.E2E_SERVER_LOG))
  : null;
for (const [from, to] of [
  [child.stdout, process.stdout],
  [child.stderr, process.stderr],
]) {
  from.on("data", (chunk) => {
    to.write(chunk);
    serverLog?.write(chunk);
  });
}

let stopping = false;
async function stop(code) {
  if (stopping) return;
  stopping = true;
  child.kill("SIGTERM");
  await new Promise((resolve) =>
    child.exitCode !== null ? resolve() : child.once("exit", resolve),
  );
  await cleanup().catch((e) => console.error("e2e cleanup failed:", e.message));
  await mail.close().catch(() => {});
  process.exit(code);
}
process.on("SIGTERM", () => stop(0));
process.on("SIGINT", () => stop(0));
child.on("exit", (code) => {
  if (!stopping) stop(code ?? 1);
});
