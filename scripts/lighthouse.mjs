// `npm run lighthouse`: Lighthouse 12.2.3 on the production build, the six pages, desktop
// and mobile. Starts the app the way the end-to-end tests do (scripts/e2e-server.mjs: a fresh
// database, demo data, account holders with print jobs) on its own port, signs a holder in
// through the sign-in form with Playwright, and hands Lighthouse the session cookie as a header.
// Prints a table and writes test-results/lighthouse.json. Run `npx next build` first.
// LIGHTHOUSE_PORT (3251), LIGHTHOUSE_MAIL_SMTP_PORT (3256) and LIGHTHOUSE_MAIL_HTTP_PORT (3257)
// move it off ports another run uses; LIGHTHOUSE_PAGES=overview,export runs only those.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { chromium } from "@playwright/test";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const port = process.env.LIGHTHOUSE_PORT ?? "3251";
const base = `http://127.0.0.1:${port}`;
const pages = [
  { name: "home", path: "/" },
  { name: "sign-in", path: "/sign-in" },
  { name: "overview", path: "/account", signedIn: true },
  { name: "print-jobs", path: "/account/data/print-jobs", signedIn: true },
  { name: "export", path: "/account/export", signedIn: true },
  { name: "policy", path: "/policy" },
].filter(
  (p) => !process.env.LIGHTHOUSE_PAGES || process.env.LIGHTHOUSE_PAGES.split(",").includes(p.name),
);
const categories = ["performance", "accessibility", "best-practices", "seo"];
const targets = { accessibility: 100, "best-practices": 100, performance: 95 };

/** Debian's Chromium, as e2e/fixtures/browser.ts finds it (or PLAYWRIGHT_CHROMIUM_EXECUTABLE). */
function findChromium() {
  const explicit = process.env.PLAYWRIGHT_CHROMIUM_EXECUTABLE;
  if (explicit) return explicit;
  for (const candidate of ["/usr/bin/chromium", "/usr/bin/chromium-browser"]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined; // Playwright's own
}

async function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, "127.0.0.1", () => {
      const { port: free } = server.address();
      server.close(() => resolve(free));
    });
    server.on("error", reject);
  });
}

async function waitForHealth(child) {
  const deadline = Date.now() + 300_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error("The app stopped while starting (see above).");
    try {
      if ((await fetch(`${base}/api/health`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error("The app did not become healthy within 5 minutes.");
}

/** Signs the first seeded holder in through the form; returns the Cookie header for Lighthouse. */
async function signInHolder(browser) {
  const holders = JSON.parse(
    readFileSync(path.resolve(`test-results/e2e-holders-${port}.json`), "utf8"),
  );
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill(holders[0].email);
  await page.getByLabel("Password").fill(holders[0].password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // Generous: on a busy machine the first signed-in page can take a while to render.
  await page.waitForURL(/\/account$/, { timeout: 120_000 });
  const cookies = await context.cookies();
  await context.close();
  return cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

const server = spawn("node", ["scripts/e2e-server.mjs", port], {
  env: {
    ...process.env,
    E2E_MAIL_SMTP_PORT: process.env.LIGHTHOUSE_MAIL_SMTP_PORT ?? "3256",
    E2E_MAIL_HTTP_PORT: process.env.LIGHTHOUSE_MAIL_HTTP_PORT ?? "3257",
    E2E_HOLDERS: "1",
  },
  stdio: ["ignore", "ignore", "inherit"],
  // Its own process group: `npx tsx server.ts` below it does not pass SIGTERM on to the server,
  // so the whole group is stopped at the end, or the app would outlive this script.
  detached: true,
});
const stopServer = () =>
  new Promise((resolve) => {
    if (server.exitCode !== null) return resolve();
    server.once("exit", () => {
      // The e2e server has cleaned up its database; now stop anything left in the group.
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // the group is already gone
      }
      resolve();
    });
    server.kill("SIGTERM");
  });

const results = [];
let browser;
try {
  await waitForHealth(server);
  const debuggingPort = await freePort();
  browser = await chromium.launch({
    executablePath: findChromium(),
    args: ["--no-sandbox", "--disable-gpu", `--remote-debugging-port=${debuggingPort}`],
  });
  const cookie = await signInHolder(browser);
  for (const formFactor of ["desktop", "mobile"]) {
    for (const page of pages) {
      const flags = {
        port: debuggingPort,
        output: "json",
        logLevel: "error",
        onlyCategories: categories,
        extraHeaders: page.signedIn ? { Cookie: cookie } : undefined,
      };
      const config = formFactor === "desktop" ? desktopConfig : undefined;
      const run = await lighthouse(`${base}${page.path}`, flags, config);
      const lhr = run.lhr;
      const scores = Object.fromEntries(
        categories.map((c) => [c, Math.round((lhr.categories[c]?.score ?? 0) * 100)]),
      );
      // What kept a category from 100: every audit with a score below 1 that counts.
      const failing = categories.flatMap((c) =>
        (lhr.categories[c]?.auditRefs ?? [])
          .filter((ref) => ref.weight > 0)
          .map((ref) => lhr.audits[ref.id])
          .filter((a) => a && a.score !== null && a.score < 1)
          .map((a) => ({
            category: c,
            id: a.id,
            title: a.title,
            score: a.score,
            displayValue: a.displayValue,
            // The first few findings (which Chrome issue, which element), enough to route a fix.
            items: JSON.stringify(a.details?.items?.slice(0, 3) ?? []).slice(0, 600),
          })),
      );
      const metrics = Object.fromEntries(
        [
          "first-contentful-paint",
          "largest-contentful-paint",
          "total-blocking-time",
          "cumulative-layout-shift",
          "speed-index",
        ].map((id) => [id, lhr.audits[id]?.displayValue]),
      );
      const runtimeError = lhr.runtimeError?.message;
      results.push({
        page: page.name,
        path: page.path,
        formFactor,
        scores,
        metrics,
        failing,
        runtimeError,
      });
      console.log(`${formFactor} ${page.name}: ${categories.map((c) => scores[c]).join(" / ")}`);
    }
  }
} finally {
  await browser?.close();
  await stopServer();
}

const pad = (s, n) => String(s).padEnd(n);
console.log(
  `\n${pad("page", 12)}${pad("form factor", 13)}${pad("perf", 6)}${pad("a11y", 6)}${pad("best", 6)}seo`,
);
for (const r of results) {
  const s = r.scores;
  console.log(
    `${pad(r.page, 12)}${pad(r.formFactor, 13)}${pad(s.performance, 6)}${pad(s.accessibility, 6)}${pad(s["best-practices"], 6)}${s.seo}`,
  );
}
const misses = results.flatMap((r) =>
  Object.entries(targets)
    .filter(([c, min]) => (c !== "performance" || r.formFactor === "desktop") && r.scores[c] < min)
    .map(([c, min]) => `${r.formFactor} ${r.page}: ${c} ${r.scores[c]} < ${min}`),
);
for (const r of results) {
  for (const f of r.failing.filter((f) => f.category !== "performance")) {
    console.log(`  ${r.formFactor} ${r.page} ${f.category}: ${f.id} — ${f.title} ${f.items}`);
  }
  if (r.runtimeError)
    console.log(`  ${r.formFactor} ${r.page}: Lighthouse could not run: ${r.runtimeError}`);
}
mkdirSync("test-results", { recursive: true });
writeFileSync(
  "test-results/lighthouse.json",
  JSON.stringify({ measuredAt: new Date().toISOString(), targets, results, misses }, null, 2),
);
console.log(misses.length ? `\nBelow target:\n  ${misses.join("\n  ")}` : "\nAll targets met.");
console.log("Details: test-results/lighthouse.json");
process.exitCode = misses.length ? 1 : 0;
