import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type AddressInfo, type Server } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { expect, test } from "@playwright/test";

// Each test starts the production build itself (as `npm start` does) on a port of its own, with
// settings a real deployment might have, and watches what start-up prints and how it ends.

const root = path.resolve(import.meta.dirname, "..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

type Run = { code: number | null; stdout: string; stderr: string; stop(): Promise<void> };

/** Runs a command until it exits, or until stdout matches `until` (then it is left running). */
function run(
  command: string,
  args: string[],
  env: Record<string, string>,
  opts: { until?: RegExp; timeoutMs?: number } = {},
): Promise<Run> {
  // The test runner's own settings (a DATABASE_URL, demo mode) must not leak into these starts.
  const base: Record<string, string | undefined> = Object.fromEntries(
    Object.entries(process.env).filter(
      ([k]) =>
        !/^(DATABASE_URL|AUTH_SECRET|APP_URL|SEED_DEMO_DATA|DEMO_MODE|SMTP_URL|PORT|HOST|PC_)/.test(
          k,
        ),
    ),
  );
  const child = spawn(command, args, {
    cwd: root,
    env: { ...base, NODE_ENV: "production", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const result: Run = {
    code: null,
    stdout: "",
    stderr: "",
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      await exited;
    },
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(`${command} ${args.join(" ")} timed out:\n${result.stdout}\n${result.stderr}`),
      );
    }, opts.timeoutMs ?? 240_000);
    child.stdout.on("data", (chunk: Buffer) => {
      result.stdout += chunk.toString();
      if (opts.until?.test(result.stdout)) {
        clearTimeout(timer);
        resolve(result);
      }
    });
    child.stderr.on("data", (chunk: Buffer) => (result.stderr += chunk.toString()));
    child.on("exit", (code) => {
      clearTimeout(timer);
      result.code = code;
      resolve(result);
    });
  });
}

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

const startServer = (env: Record<string, string>, until?: RegExp) =>
  run(bin("tsx"), ["server.ts"], { HOST: "127.0.0.1", ...env }, { until });

/** The one line a refused start prints: no stack trace, nothing about listening. */
function expectRefused(result: Run, message: RegExp) {
  expect(result.code, result.stdout + result.stderr).toBe(1);
  const refusals = result.stderr.split("\n").filter((l) => l.includes("Start-up refused"));
  expect(refusals).toHaveLength(1);
  expect(refusals[0]).toMatch(message);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).not.toMatch(/Listening|Open http|running at/);
}

test("a production start on PostgreSQL without AUTH_SECRET stops before listening", async () => {
  const result = await startServer({
    PORT: String(await freePort()),
    DATABASE_URL: "postgres://postgres@127.0.0.1:1/never_reached",
  });
  expectRefused(result, /Start-up refused: AUTH_SECRET: required in production/);
});

test("a port already in use stops start-up with one line, not an uncaught exception", async () => {
  const busy: Server = createServer();
  await new Promise<void>((resolve) => busy.listen(0, "127.0.0.1", resolve));
  const { port } = busy.address() as AddressInfo;
  try {
    const result = await startServer({ PORT: String(port), PGLITE_DATA_DIR: "memory://" });
    expectRefused(result, new RegExp(`PORT: 127\\.0\\.0\\.1:${port} is already in use`));
  } finally {
    busy.close();
  }
});

test("`next start` is refused with a pointer to npm start", async () => {
  const port = await freePort();
  const result = await run(bin("next"), ["start", "-p", String(port), "-H", "127.0.0.1"], {
    PGLITE_DATA_DIR: "memory://",
  });
  expect(result.code, result.stdout + result.stderr).toBe(1);
  expect(result.stderr).toMatch(/Start-up refused: start the app with `npm start`/);
});

test("production: no demo data, a first admin from admin:create, and demo staff passwords refused", async ({
  page,
}) => {
  test.setTimeout(900_000); // four cold starts of the embedded database: minutes under load
  const dir = mkdtempSync(path.join(tmpdir(), "pc-prod-start-"));
  const port = await freePort();
  const settings = {
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    PGLITE_DATA_DIR: path.join(dir, "pglite"),
  };
  try {
    // An empty database stays empty: nobody can sign in with the published demo passwords.
    let server = await startServer(settings, /Listening/);
    expect(server.stdout).toContain("npm run admin:create -- --email");
    expect(server.stdout).not.toContain("admin-Privacy-2026!");
    await page.goto(`${settings.APP_URL}/sign-in`);
    await page.getByLabel("Email address").fill("admin@example.com");
    await page.getByLabel("Password").fill("admin-Privacy-2026!");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: /password/i })).toBeVisible();
    await expect(page.getByText("Demo mode")).toHaveCount(0);
    await server.stop();

    const email = `boss-${Date.now()}@example.test`;
    const made = await run(
      bin("tsx"),
      ["--conditions=react-server", "scripts/admin-create.ts", "--email", email],
      settings,
    );
    expect(made.code, made.stderr).toBe(0);
    const link = /http:\/\/\S+\/reset-password\?token=\S+/.exec(made.stdout)?.[0];
    expect(link?.startsWith(`${settings.APP_URL}/reset-password?token=`)).toBe(true);

    server = await startServer(settings, /Listening/);
    await page.goto(link!);
    await page.getByLabel("New password", { exact: true }).fill("Slate-Beacon-Marigold-73");
    await page.getByLabel("Repeat the new password").fill("Slate-Beacon-Marigold-73");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("Your new password is set")).toBeVisible();
    await page.goto(`${settings.APP_URL}/sign-in`);
    await page.getByLabel("Email address").fill(email);
    await page.getByLabel("Password").fill("Slate-Beacon-Marigold-73");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/account$/);
    await page.goto(`${settings.APP_URL}/admin/audit`);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Not found" })).toHaveCount(0);
    await server.stop();

    // Demo data put in by hand (npm run db:seed): the staff sign-ins have published passwords.
    const seeded = await run(
      bin("tsx"),
      ["--conditions=react-server", "db/seed/cli.ts", "--print-jobs", "10"],
      settings,
      { timeoutMs: 300_000 },
    );
    expect(seeded.code, seeded.stderr).toBe(0);
    expectRefused(
      await startServer(settings),
      /staff account admin@example\.com, agent@example\.com still has a published demo password/,
    );
    // (DEMO_MODE=true lets it start, with the banner: the e2e server itself runs that way.)
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
