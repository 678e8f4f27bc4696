/**
 * npm run bench:export-browser — the export page in Chromium: does the tab's memory grow with
 * the file? The page hands the download to the browser (a navigation to the streaming route),
 * so it should not; before, it gathered the whole file in a Blob.
 *
 * Needs a built app (`npm run build`) and a PostgreSQL database whose demo holder has many
 * print jobs:
 *   DATABASE_URL=postgres://…/export_browser npm run db:seed -- --print-jobs 1000000
 * Starts `tsx server.ts` on BENCH_PORT (default 3121), signs in in Chromium as the demo holder,
 * presses "Download my data" (JSON, everything), saves the file to disk and samples the page's
 * JS heap (CDP Performance.getMetrics, JSHeapUsedSize) every 100 ms until the download is
 * complete. Prints the file size, the heap before and at its peak, and the growth as a share of
 * the file. Bar: the heap grows by less than 1% of the file and less than 16 MB.
 */
import { chromium } from "@playwright/test";
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromiumArgs, findChromium } from "../e2e/fixtures/browser";

const DATABASE_URL =
  process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/export_browser";
const PORT = Number(process.env.BENCH_PORT ?? 3121);
const BASE = `http://127.0.0.1:${PORT}`;
const DEMO = { email: "demo@example.com", password: "demo-Printer-2026!" };
const FORMAT = (process.env.BENCH_FORMAT ?? "JSON") as "JSON" | "CSV" | "HTML";

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
      DEMO_MODE: "true", // the seeded demo holder keeps its published password
      EXPORT_DAILY_LIMIT: "1000",
      EXPORT_REAUTH_MINUTES: "60",
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "inherit", "inherit"],
    detached: true,
  });
  for (let i = 0; i < 600; i++) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return child;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("the server did not start");
}

const mb = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  execFileSync("npx", ["tsx", "--conditions=react-server", "scripts/migrate.ts"], {
    env: { ...process.env, DATABASE_URL },
    stdio: "inherit",
  });
  const jobs = execFileSync(
    "psql",
    [
      DATABASE_URL,
      "-XAtc",
      `select count(*) from print_jobs j join users u on u.id = j.user_id where u.email = '${DEMO.email}'`,
    ],
    { encoding: "utf8" },
  ).trim();
  console.log(`demo holder's print jobs: ${Number(jobs).toLocaleString("en-GB")}`);

  const server = await startServer();
  const downloads = await mkdtemp(path.join(tmpdir(), "export-browser-"));
  const browser = await chromium.launch({
    executablePath: findChromium(),
    args: chromiumArgs,
    downloadsPath: downloads,
  });
  try {
    const context = await browser.newContext({ acceptDownloads: true, baseURL: BASE });
    const page = await context.newPage();
    page.setDefaultTimeout(600_000);
    await page.goto("/sign-in");
    await page.getByLabel("Email address").fill(DEMO.email);
    await page.getByLabel("Password").fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL(/\/account$/);
    await page.goto("/account/export");

    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    const heap = async () => {
      await cdp.send("HeapProfiler.collectGarbage").catch(() => {});
      const { metrics } = await cdp.send("Performance.getMetrics");
      return metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0;
    };
    const before = await heap();
    let peak = before;
    let sampling = true;
    // Without forcing garbage collection while sampling: the peak is what the tab really held.
    const sampler = (async () => {
      while (sampling) {
        const { metrics } = await cdp.send("Performance.getMetrics");
        peak = Math.max(peak, metrics.find((m) => m.name === "JSHeapUsedSize")?.value ?? 0);
        await new Promise((r) => setTimeout(r, 100));
      }
    })();

    await page.getByLabel(new RegExp(`^${FORMAT}:`)).check();
    const started = performance.now();
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download my data" }).click();
    const download = await downloading;
    const file = await download.path(); // resolves when the browser has saved every byte
    const seconds = (performance.now() - started) / 1000;
    await page
      .getByRole("status")
      .filter({ hasText: /^Done:/ })
      .waitFor();
    sampling = false;
    await sampler;
    const size = (await stat(file!)).size;
    const growth = Math.max(0, peak - before);
    console.log(`format: ${FORMAT}, file: ${download.suggestedFilename()}`);
    console.log(`file size: ${mb(size)} in ${seconds.toFixed(1)} s`);
    console.log(`page JS heap: ${mb(before)} before, ${mb(peak)} at its peak during the download`);
    console.log(
      `heap growth: ${mb(growth)} = ${((growth / size) * 100).toFixed(2)}% of the file ` +
        `(bar: < 1% and < 16 MB; the old Blob download held the whole file, 100%)`,
    );
    const ok = growth < size * 0.01 && growth < 16 * 1024 * 1024;
    console.log(ok ? "OK" : "FAILED");
    process.exitCode = ok ? 0 : 1;
  } finally {
    await browser.close();
    await rm(downloads, { recursive: true, force: true });
    if (server.pid) process.kill(-server.pid, "SIGTERM");
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
