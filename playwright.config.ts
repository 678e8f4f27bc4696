import path from "node:path";
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/fixtures/browser";

const port = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://127.0.0.1:${port}`;
// The e2e server copies its output here, and specs read it (set before the workers start, so
// they inherit it).
process.env.E2E_SERVER_LOG ??= path.resolve("test-results", `e2e-server-${port}.log`);
const launchOptions = { executablePath: findChromium(), args: chromiumArgs };

export default defineConfig({
  testDir: "e2e",
  // The two-instance project has its own config and server (playwright.multi.config.ts).
  testIgnore: ["multi/**"],
  outputDir: "test-results/e2e",
  fullyParallel: true,
  workers: 2,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-report.json" }]],
  use: { baseURL, trace: "retain-on-failure", launchOptions },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], launchOptions } },
    { name: "phone", use: { ...devices["Pixel 7"], launchOptions }, grep: /@phone/ },
  ],
  webServer: {
    // Starts the production build against a fresh database (see the script).
    command: `node scripts/e2e-server.mjs ${port}`,
    url: `${baseURL}/api/health`,
    reuseExistingServer: false,
    // Start-up includes seeding the demo data and the per-test account holders.
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
  },
});
