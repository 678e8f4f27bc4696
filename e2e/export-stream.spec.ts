import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { readFile } from "node:fs/promises";
import { unzip as unzipFiles, untilPasswordIsStale } from "./fixtures/export";
import { expect, test, type TestUser } from "./fixtures/users";

/** The ZIP's files as text (the HTML copy is all text). */
async function unzip(buffer: Buffer): Promise<Map<string, string>> {
  const files = await unzipFiles(buffer);
  return new Map([...files].map(([name, data]) => [name, data.toString("utf8")]));
}

// The browser is on Amsterdam time: times must render without hydration errors.
test.use({ timezoneId: "Europe/Amsterdam" });

/** Console errors (hydration above all) fail the test. */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** Picks a format, presses the button, confirms the password: the browser saves the file. */
async function download(
  page: Page,
  user: TestUser,
  format: RegExp,
  labels = {
    button: "Download my data",
    dialog: "Confirm it is you",
    password: "Your password",
    confirm: "Confirm",
  },
) {
  await untilPasswordIsStale(page);
  await page.getByLabel(format).check();
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: labels.button }).click();
  const dialog = page.getByRole("dialog", { name: labels.dialog });
  await dialog.getByLabel(labels.password).fill(user.password);
  await dialog.getByRole("button", { name: labels.confirm }).click();
  const file = await downloading;
  return { file: await readFile((await file.path())!), name: file.suggestedFilename() };
}

test("the export is a real download the browser saves itself; focus lands on the result", async ({
  page,
  holder,
}) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto("/account/export");
  await expect(page.getByRole("heading", { name: "Download your data" })).toBeVisible();

  // "Download my data" comes right after the format, two stops past the page's heading (the
  // section navigation before it is the layout's). A click on the heading starts Tab there.
  await page.getByRole("heading", { name: "Download your data", level: 1 }).click();
  await page.keyboard.press("Tab");
  await expect(page.getByLabel(/^JSON:/)).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Download my data" })).toBeFocused();

  const json = await download(page, holder, /^JSON:/);
  expect(json.name).toMatch(/^privacy-center-export-\d{4}-\d{2}-\d{2}\.json$/);
  expect(JSON.parse(json.file.toString("utf8")).manifest.format).toBe("json");
  const done = page.getByRole("status").filter({ hasText: /^Done:/ });
  await expect(done).toContainText(json.name);
  // Focus is on the result, not on <body>.
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toMatch(/^Done:/);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(false);
  // The history has it, completed, with the fingerprint of exactly these bytes.
  const { createHash } = await import("node:crypto");
  const history = page.getByRole("region", { name: "Your earlier exports" });
  await expect(
    history.getByText(createHash("sha256").update(json.file).digest("hex")),
  ).toBeVisible();
  await expect(history.getByText(/JSON, Completed/)).toBeVisible();
  expect(errors).toEqual([]);
});

test("the HTML copy is a ZIP with index.html and a readable page per category", async ({
  page,
  holder,
}) => {
  test.setTimeout(120_000);
  await page.goto("/account/export");
  const categories = new Set(
    (
      await page
        .locator("tr[data-file]")
        .evaluateAll((rows) => rows.map((r) => r.getAttribute("data-file")!))
    ).map((f) => f.split("/")[0]!),
  );
  expect(categories.size).toBeGreaterThan(5);
  const html = await download(page, holder, /^HTML:/);
  expect(html.name).toMatch(/-html\.zip$/);
  const files = await unzip(html.file);
  const index = files.get("index.html")!;
  expect(index).toContain('<html lang="en">');
  for (const c of categories) {
    expect(files.has(`${c}.html`), c).toBe(true);
    expect(index).toContain(`href="${c}.html"`);
  }
  for (const [name, text] of files)
    if (name.endsWith(".html")) expect(text).not.toContain("<script");
  // It opens in a browser, offline, and reads as a page (a tab of its own: the export page may
  // still be finishing its own navigation).
  const offline = await page.context().newPage();
  await offline.setContent(files.get("print-jobs.html")!);
  await expect(offline.getByRole("link", { name: "Back to the overview" })).toBeVisible();
  expect(await offline.getByRole("row").count()).toBeGreaterThan(1000);
  await expect(offline.getByText("HTML (ZIP), Completed")).toHaveCount(0); // not the app
  await offline.close();
});

test("a download refused on the way (stale password) brings the page back saying why, focused", async ({
  page,
  account,
}) => {
  expect(account.email).toBeTruthy(); // signed in on `page`
  test.setTimeout(60_000);
  await page.goto("/account/export");
  await untilPasswordIsStale(page);
  // The page's own navigation to the route, as the button makes it, without the step-up first.
  // A download route, not a page: the export page navigates to it the same way.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  await page.evaluate(() => window.location.assign("/api/export?format=json"));
  await expect(page).toHaveURL(/\/account\/export\?refused=reauth_required$/);
  const alert = page.locator('[role="alert"]:not(#__next-route-announcer__)');
  await expect(alert).toContainText("We need your password again");
  expect(await page.evaluate(() => document.activeElement?.textContent ?? "")).toContain(
    "We need your password again",
  );
});

test("a Dutch holder exports in Dutch: the page, and the HTML copy", async ({ page, holder }) => {
  test.setTimeout(120_000);
  const errors = watchConsole(page);
  await page.goto("/account/export");
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.getByRole("heading", { name: "Download je gegevens" })).toBeVisible();
  await expect(page).toHaveTitle(/Download je gegevens/);
  const html = await download(page, holder, /^HTML:/, {
    button: "Download mijn gegevens",
    dialog: "Bevestig dat jij het bent",
    password: "Je wachtwoord",
    confirm: "Bevestigen",
  });
  await expect(page.getByRole("status").filter({ hasText: /^Klaar:/ })).toBeVisible();
  const files = await unzip(html.file);
  expect(files.get("index.html")).toContain('<html lang="nl">');
  expect(files.get("index.html")).toContain("Wat er in deze kopie zit");
  const history = page.getByRole("region", { name: "Je eerdere downloads" });
  await expect(history.getByText(/HTML \(ZIP\), Voltooid/)).toBeVisible();
  expect(errors).toEqual([]);
});

for (const language of ["English", "Nederlands"] as const) {
  test(`the export page has no horizontal scroll at 320, 390 and 1280 px and axe finds nothing (${language})`, async ({
    page,
    account,
  }) => {
    expect(account.email).toBeTruthy();
    await page.goto("/account/export");
    await page.getByRole("button", { name: language }).click();
    const lang = language === "English" ? "en" : "nl";
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("button", { name: language })).toHaveAttribute(
      "aria-current",
      "true",
    );
    for (const width of [320, 390, 1280]) {
      await page.setViewportSize({ width, height: 800 });
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, `${width}px`).toBeLessThanOrEqual(0);
      if (width === 320) continue;
      const result = await new AxeBuilder({ page })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
        .analyze();
      expect(
        result.violations.map((v) => `${v.id}: ${v.nodes[0]?.target}`),
        `${width}px`,
      ).toEqual([]);
    }
  });
}
