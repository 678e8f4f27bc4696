import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test, uniqueIp } from "./fixtures/users";

// The devices-and-printing pages as a person meets them: on a phone and a desktop, in English
// and Dutch, in a browser far from UTC (a time formatted in the wrong zone fails hydration).
test.use({ timezoneId: "Pacific/Auckland" });

const WIDTHS = [320, 390, 1280] as const;
const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

/** Console errors and uncaught errors (a hydration mismatch is both). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

async function noOverflow(page: Page, what: string) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${what} scrolls sideways`).toBeLessThanOrEqual(0);
}

async function noAxeViolations(page: Page, what: string) {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    what,
  ).toEqual([]);
}

/** The first detail link under `prefix` (an id at the end). */
async function firstItem(page: Page, prefix: string): Promise<string> {
  const links = page.locator(`main a[href^="${prefix}/"]`);
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  return hrefs.find((h) => /\/[0-9a-f-]{36}$/.test(h))!;
}

/** Every page this spec covers, with a detail page of each kind found through its list. */
async function devicePages(page: Page): Promise<string[]> {
  const lists = [
    "/account/data/printers",
    "/account/data/print-jobs",
    "/account/data/cura-configuration",
    "/account/data/diagnostics",
  ];
  const details: string[] = [];
  for (const list of lists) {
    await page.goto(list);
    details.push(await firstItem(page, list));
  }
  await page.goto("/account/data/cura-configuration");
  await page
    .getByRole("button", { name: /^Compare / })
    .first()
    .click();
  await expect(page).toHaveURL(/compare\?/);
  return [...lists, ...details, page.url().replace(/^https?:\/\/[^/]+/, "")];
}

async function settle(page: Page) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("networkidle");
}

test("devices and printing pages fit 320, 390 and 1280 px, are axe clean and hydrate without an error", async ({
  page,
  holder: _,
}) => {
  test.setTimeout(300_000);
  const errors = collectErrors(page);
  const paths = await devicePages(page);
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 844 });
    for (const path of paths) {
      await page.goto(path);
      await settle(page);
      await noOverflow(page, `${path} at ${width}px`);
      if (width !== 320) await noAxeViolations(page, `${path} at ${width}px`);
    }
  }
  expect(errors).toEqual([]);
});

test("in Dutch the pages speak Dutch, fit a phone and stay axe clean", async ({
  page,
  holder: _,
}) => {
  test.setTimeout(240_000);
  const errors = collectErrors(page);
  const paths = await devicePages(page);
  await settle(page);
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await page.setViewportSize({ width: 390, height: 844 });
  for (const path of paths) {
    await page.goto(path);
    await settle(page);
    await noOverflow(page, `${path} in Dutch`);
    await noAxeViolations(page, `${path} in Dutch`);
  }
  await page.goto("/account/data/print-jobs?status=finished");
  await expect(page.getByRole("heading", { level: 1, name: "Printopdrachten" })).toBeVisible();
  await expect(page).toHaveTitle(/Printopdrachten/);
  await expect(page.locator("main tbody tr td:nth-child(2)").first()).toHaveText("Klaar");
  // The why-panel is one line on a phone, and opens to say why.
  const why = page.getByRole("region", { name: "Waarom we dit hebben" });
  const purpose = why.locator("details").getByText("Doel", { exact: true });
  await expect(purpose).toBeHidden();
  expect((await why.boundingBox())!.height).toBeLessThan(60);
  await why.locator("summary").click();
  await expect(purpose).toBeVisible();
  expect(errors).toEqual([]);
});

test("a print job says its status in words, its estimate as hours and minutes, times in the viewer's zone", async ({
  page,
  holder: _,
}) => {
  await page.goto("/account/data/print-jobs?status=finished");
  const statuses = await page.locator("main tbody tr td:nth-child(2)").allTextContents();
  expect(new Set(statuses)).toEqual(new Set(["Finished"]));
  await page.locator("main tbody tr a").first().click();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Finished");
  await expect(details).not.toContainText(/\bfinished\b/);
  await expect(details).not.toContainText("estimated time s");
  const estimate = details.locator("dt", { hasText: "Estimated time" }).locator("+ dd");
  await expect(estimate).toHaveText(/^(\d+ d )?\d+ h( \d+ min)?$|^\d+ min$/);
  // Times are the viewer's clock (Auckland), with UTC in the title.
  const started = details.locator("dt", { hasText: "Started" }).locator("+ dd time");
  await expect(started).toHaveAttribute("title", /UTC$/);
  await expect(started).not.toContainText("UTC");
});

test("temperature charts draw set-points as dashed lines on round ticks", async ({
  page,
  holder: _,
}) => {
  await page.goto("/account/data/print-jobs?status=finished");
  await page.locator("main tbody tr a").first().click();
  const chart = page.getByRole("figure", { name: /nozzle and build plate temperature/ });
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await expect(chart.getByText(/^Nozzle set to \d+ °C$/)).toBeVisible();
  await expect(chart.getByText(/^Build plate set to \d+ °C$/)).toBeVisible();
  expect(await chart.locator('.recharts-reference-line [stroke-dasharray="6 4"]').count()).toBe(2);
  const ticks = await chart
    .locator("tspan")
    .filter({ hasText: /^\d+ °C$/ })
    .allTextContents();
  const values = ticks.map((t) => Number(t.replace(/[^\d]/g, "")));
  expect(values.length).toBeGreaterThan(2);
  expect(values[0]).toBe(0);
  for (const v of values) expect(v % 25, `tick ${v}`).toBe(0);
});

test("a printer's status over time is bands with time per state, not a step line", async ({
  page,
  holder: _,
}) => {
  await page.goto("/account/data/printers");
  await page.goto(await firstItem(page, "/account/data/printers"));
  const chart = page.getByRole("figure", { name: /Status from/ });
  await expect(chart.getByRole("img", { name: /^Time in each state: / })).toBeVisible();
  const legend = chart.getByRole("list", { name: "Time in each state" });
  await expect(legend.getByRole("listitem").first()).toHaveText(
    /^(Printing|Idle|Paused|Error|Maintenance|Offline): /,
  );
});

test("a diagnostics bundle reads as a summary first, with the raw data behind a disclosure that opens by keyboard", async ({
  page,
  holder: _,
}) => {
  await page.goto("/account/data/diagnostics");
  await page.goto(await firstItem(page, "/account/data/diagnostics"));
  const about = page.getByRole("region", { name: "About this bundle" });
  await expect(about.locator("dt", { hasText: "How serious" })).toBeVisible();
  await expect(about).not.toContainText("_");
  const raw = page.getByRole("region", { name: "The raw bundle, scrollable" });
  await expect(raw).toBeHidden();
  const summary = page.getByText("Show the raw data");
  await summary.focus();
  await page.keyboard.press("Enter");
  await expect(raw).toBeVisible();
  await expect(raw).toContainText("{");
});

test("opening print jobs shifts nothing while the page streams in (CLS < 0.1)", async ({
  page,
  holder: _,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries() as (PerformanceEntry & {
        value: number;
        hadRecentInput: boolean;
      })[]) {
        if (!e.hadRecentInput) w.__cls += e.value;
      }
    }).observe({ type: "layout-shift", buffered: true });
  });
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/account/data/print-jobs");
    await expect(page.locator("main tbody tr").first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
    expect(cls, `CLS at ${width}px`).toBeLessThan(0.1);
  }
});
