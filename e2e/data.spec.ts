import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { categories } from "../lib/catalog";
import { expect, registeredUser, test, uniqueIp } from "./fixtures/users";

// Every test that needs data has a seeded `holder` of its own (the demo's kind of data, see
// scripts/e2e-seed.ts), signed in on `page`; none reads or changes the shared demo account.
const dataCategories = categories.filter((c) => c.id !== "profile");

/** The first link in the main content whose href starts with `prefix` and ends in an id. */
async function firstItemHref(page: Page, prefix: string, nth = 0): Promise<string> {
  const links = page.locator(`main a[href^="${prefix}/"]`);
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href") ?? ""));
  const items = hrefs.filter((h) => /\/[0-9a-f-]{36}$/.test(h));
  return nth < 0 ? items.at(nth)! : items[nth]!;
}

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("an account holder sees every category with records, reasons, and no axe violations", async ({
  page,
  holder: _,
}) => {
  test.setTimeout(180_000);
  for (const c of categories) {
    await expect(page.getByTestId(`count-${c.id}`)).not.toHaveText("0");
  }
  for (const c of dataCategories) {
    await page.goto(`/account/data/${c.id}`);
    await expect(page.getByRole("heading", { level: 1, name: c.title })).toBeVisible();
    const why = page.getByRole("region", { name: "Why we have this" });
    await expect(why).toContainText(c.purpose);
    await expect(why).toContainText(c.source);
    await expect(page.getByTestId("item-count")).not.toHaveText("0");
    // Seeded records are listed: a table row or list item in the main content.
    await expect(page.locator("main tbody tr, main section li").first()).toBeVisible();
    const axe = await new AxeBuilder({ page }).analyze();
    expect(axe.violations, `${c.id}: ${axe.violations.map((v) => v.id).join(", ")}`).toEqual([]);
  }
});

test("print jobs filter through the URL, and a job shows its temperature chart", async ({
  page,
  holder: _,
}) => {
  test.setTimeout(120_000);
  await page.goto("/account/data/print-jobs");
  await page.getByLabel("Status").selectOption("finished");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page).toHaveURL(/status=finished/);
  const statuses = await page.locator("main tbody tr td:nth-child(2)").allTextContents();
  expect(statuses.length).toBeGreaterThan(0);
  expect(new Set(statuses)).toEqual(new Set(["Finished"]));
  // The filter survives paging.
  await page.getByRole("link", { name: "Older →" }).click();
  await expect(page).toHaveURL(/status=finished.*after=|after=.*status=finished/);
  await expect(page.getByLabel("Status")).toHaveValue("finished");

  await page.goto("/account/data/print-jobs?status=finished");
  await page.locator("main tbody tr a").first().click();
  await expect(page.getByRole("heading", { name: "Temperatures during the print" })).toBeVisible();
  const chart = page.getByRole("figure", { name: /nozzle and build plate temperature/ });
  await expect(chart.locator(".recharts-line")).toHaveCount(2);
  await page.getByText(/Temperatures as a table/).click();
  await expect(
    page.getByRole("table", { name: "Temperature samples" }).locator("tbody tr").first(),
  ).toBeVisible();
  const axe = await new AxeBuilder({ page }).analyze();
  expect(
    axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
  ).toEqual([]);
});

test("two Cura versions can be compared, and a version's settings searched", async ({
  page,
  holder: _,
}) => {
  await page.goto("/account/data/cura-configuration");
  await page
    .getByRole("button", { name: /^Compare / })
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1, name: "Compare versions" })).toBeVisible();
  await expect(page.getByRole("heading", { name: /settings? differs?/ })).toBeVisible();

  await page.goto("/account/data/cura-configuration");
  await page.locator('main a[href^="/account/data/cura-configuration/"]').first().click();
  const search = page.getByLabel("Search settings");
  await search.fill("layer_height");
  await expect(page.locator("main tbody tr").first()).toContainText("layer_height");
});

test("a token's secret is shown once and never again; revoking it marks it revoked", async ({
  page,
  account: _,
}) => {
  await page.goto("/account/data/access-tokens");
  await page.getByLabel("Token name").fill("Garage S5");
  await page.getByRole("button", { name: "Create token" }).click();
  const secret = (await page.getByTestId("new-token-secret").textContent())!.trim();
  expect(secret).toMatch(/^pct_/);
  await expect(page.getByRole("button", { name: "Revoke Garage S5" })).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("new-token-secret")).toHaveCount(0);
  expect(await page.content()).not.toContain(secret);
  await expect(page.locator("main li .font-mono").getByText(secret.slice(0, 8))).toBeVisible();

  await page.getByRole("button", { name: "Revoke Garage S5" }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
  await expect(page.getByText("revoked", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke Garage S5" })).toHaveCount(0);
});

test("deleting a diagnostics bundle says what goes, and the count drops", async ({
  page,
  holder: _,
}) => {
  const before = Number(
    (await page.getByTestId("count-diagnostics").textContent())!.replace(/\D/g, ""),
  );
  await page.goto("/account/data/diagnostics");
  const href = await firstItemHref(page, "/account/data/diagnostics", -1);
  await page.goto(href);
  await page.getByRole("button", { name: "Delete this diagnostics bundle" }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toContainText("will be deleted");
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/account\/data\/diagnostics$/);
  expect((await page.goto(href))?.status()).toBe(404);
  await page.goto("/account");
  await expect(page.getByTestId("count-diagnostics")).toHaveText(String(before - 1));
});

test("a second user gets 404 for another holder's items on every detail page", async ({
  browser,
  page,
  holder: _,
}) => {
  test.setTimeout(120_000);
  const hrefs: string[] = [];
  for (const [list, prefix] of [
    ["/account/data/print-jobs", "/account/data/print-jobs"],
    ["/account/data/printers", "/account/data/printers"],
    ["/account/data/diagnostics", "/account/data/diagnostics"],
    ["/account/data/cura-configuration", "/account/data/cura-configuration"],
  ] as const) {
    await page.goto(list);
    hrefs.push(await firstItemHref(page, prefix));
  }
  const cura = hrefs[3]!.split("/").at(-1)!;
  hrefs.push(`/account/data/cura-configuration/compare?a=${cura}&b=${cura}`);
  // Their holder can open them all.
  for (const href of hrefs) expect((await page.goto(href))?.status()).toBe(200);

  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const snoop = await context.newPage();
  await registeredUser(snoop, "snoop");
  for (const href of hrefs) {
    const response = await snoop.goto(href);
    expect(response?.status(), href).toBe(404);
    await expect(snoop.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await context.close();
});

test("signed-out visitors are sent to sign in from every data page", async ({ request }) => {
  for (const c of dataCategories) {
    const response = await request.get(`/account/data/${c.id}`, { maxRedirects: 0 });
    expect([302, 303, 307, 308]).toContain(response.status());
    expect(response.headers()["location"]).toContain("/sign-in");
  }
});

test("the overview fits a phone screen @phone", async ({ page, holder: _ }) => {
  await expect(page.getByRole("list", { name: "Your data by category" })).toBeVisible();
  for (const path of ["/account", "/account/data/print-jobs"]) {
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});
