// The two-instance project (`npm run test:multi`; scripts/test.mjs runs it after the main e2e
// suite): two production instances on one PostgreSQL behind a round-robin proxy
// (scripts/e2e-multi-server.mjs). Needs DATABASE_URL and a build.
import { defineConfig, devices } from "@playwright/test";
import { chromiumArgs, findChromium } from "./e2e/fixtures/browser";

const port = Number(process.env.E2E_MULTI_PORT ?? 3143);
const baseURL = `http://127.0.0.1:${port}`;
// Read by the fixtures in the workers: the holders file and the test mail server.
process.env.E2E_PORT = String(port);
process.env.E2E_MAIL_SMTP_PORT ??= String(port + 3);
process.env.E2E_MAIL_HTTP_PORT ??= String(port + 4);
const launchOptions = { executablePath: findChromium(), args: chromiumArgs };

export default defineConfig({
  testDir: "e2e/multi",
  outputDir: "test-results/e2e-multi",
  // One worker: the specs share two small per-instance export slots and a cron schedule.
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 120_000,
  expect: { timeout: 10_000 },
  reporter: [["list"], ["json", { outputFile: "test-results/e2e-multi-report.json" }]],
  use: { baseURL, trace: "retain-on-failure", launchOptions, ...devices["Desktop Chrome"] },
  webServer: {
    command: `node scripts/e2e-multi-server.mjs ${port}`,
    // The proxy listens only once both instances are ready and the test data is seeded.
    url: `${baseURL}/api/health/ready`,
    reuseExistingServer: false,
    timeout: 300_000,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
  },
});
