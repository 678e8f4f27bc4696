import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/users";

const wcag = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

async function noAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).withTags(wcag).analyze();
  expect(
    result.violations.map((v) => `${what}: ${v.id}: ${v.nodes.map((n) => n.target).join(" ")}`),
  ).toEqual([]);
}

async function noSideScroll(page: Page, what: string) {
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll, what).toBeLessThanOrEqual(inner);
}

/** The cookie banner of a fresh browser, answered, so it does not stand in the way. */
async function rejectCookies(page: Page) {
  const banner = page.getByRole("dialog", { name: "Cookies on this site" });
  if (await banner.isVisible()) {
    const reloaded = page.waitForEvent("load");
    await banner.getByRole("button", { name: "Reject all" }).click();
    await reloaded;
  }
}

for (const width of [320, 390]) {
  test(`on a ${width} px phone the sections are a menu that opens and closes by keyboard`, async ({
    page,
    account: _,
  }) => {
    await page.setViewportSize({ width, height: 800 });
    await page.goto("/account/data/print-jobs");
    await rejectCookies(page);
    const nav = page.getByRole("navigation", { name: "Your account" });
    const menu = nav.getByRole("button", { name: /Sections/ });
    // The closed menu names the page you are on.
    await expect(menu).toContainText("Print jobs");
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(nav.getByRole("link", { name: "Print jobs" })).toBeHidden();
    await noSideScroll(page, `${width} closed`);

    await menu.focus();
    await page.keyboard.press("Enter");
    await expect(menu).toHaveAttribute("aria-expanded", "true");
    await expect(nav.getByRole("link", { name: "Print jobs" })).toHaveAttribute(
      "aria-current",
      "page",
    );
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await noSideScroll(page, `${width} open`);
    await noAxeViolations(page, `menu open at ${width}`);
    await page.keyboard.press("Space");
    await expect(menu).toHaveAttribute("aria-expanded", "false");

    // Choosing a page goes there, and the menu closes and marks the new page.
    await page.keyboard.press("Enter");
    await nav.getByRole("link", { name: "Marketing email" }).click();
    await expect(page).toHaveURL(/\/account\/preferences$/);
    await expect(menu).toHaveAttribute("aria-expanded", "false");
    await expect(menu).toContainText("Marketing email");
    await noSideScroll(page, `${width} preferences`);
  });
}

test("on a desktop every section is listed, grouped, the current one marked, and each label is its page's title", async ({
  page,
  account: _,
}) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/account");
  await rejectCookies(page);
  const nav = page.getByRole("navigation", { name: "Your account" });
  await expect(nav.getByRole("button", { name: /Sections/ })).toHaveCount(0);
  for (const group of [
    "Account & security",
    "Devices & printing",
    "Communication",
    "Requests & access",
  ]) {
    await expect(nav.getByRole("list", { name: group })).toBeVisible();
  }
  await expect(nav.getByRole("link", { name: "Overview" })).toHaveAttribute("aria-current", "page");
  await noSideScroll(page, "1280 overview");

  const links = await nav
    .getByRole("link")
    .evaluateAll((as) =>
      as.map((a) => [a.textContent!.trim(), a.getAttribute("href")!] as [string, string]),
    );
  expect(links.length).toBeGreaterThanOrEqual(21);
  for (const [label, href] of links) {
    await page.goto(href);
    await expect(page.getByRole("heading", { level: 1 }), href).toHaveText(label);
    await expect(nav.locator('[aria-current="page"]'), href).toHaveText(label);
  }
});

test("the overview leads with your rights, then your choices, then your data in groups, in English and Dutch", async ({
  page,
  account: _,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/account");
  await rejectCookies(page);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Overview");
  const headings = await main.getByRole("heading", { level: 2 }).allTextContents();
  expect(headings.slice(0, 3)).toEqual(["Your rights", "What you have allowed", "Your data"]);
  const choices = main.getByRole("region", { name: "What you have allowed" });
  await expect(
    choices.getByText("No one from our support team can look at your account."),
  ).toBeVisible();
  await expect(choices.getByRole("region", { name: "Cookies in this browser" })).toContainText(
    "Analytics",
  );
  const data = main.getByRole("list", { name: "Your data by category" });
  for (const group of [
    "Account & security",
    "Devices & printing",
    "Communication",
    "Requests & access",
  ])
    await expect(data.getByRole("heading", { name: group })).toBeVisible();
  await expect(data.getByRole("link", { name: "Marketing email" })).toHaveAttribute(
    "href",
    "/account/preferences",
  );
  await noAxeViolations(page, "overview en");

  // "Get a copy of your data" is a few tabs from the top of the page, not behind the menu.
  await page.locator("body").focus();
  let tabs = 0;
  for (; tabs < 12; tabs++) {
    await page.keyboard.press("Tab");
    const name = await page.evaluate(() => document.activeElement?.textContent?.trim());
    if (name === "Get a copy of your data") break;
  }
  expect(tabs).toBeLessThan(12);

  await page.getByRole("contentinfo").getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText("Overzicht");
  expect((await main.getByRole("heading", { level: 2 }).allTextContents()).slice(0, 3)).toEqual([
    "Je rechten",
    "Waarvoor je toestemming hebt gegeven",
    "Je gegevens",
  ]);
  await expect(page.getByRole("navigation", { name: "Jouw account" })).toBeVisible();
  await noAxeViolations(page, "overview nl");
  await page.setViewportSize({ width: 390, height: 844 });
  await noAxeViolations(page, "overview nl 390");
  await noSideScroll(page, "overview nl 390");
  // Back to English for whoever reads this account next.
  await page.getByRole("contentinfo").getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
});

test("dark mode follows the system and keeps every contrast; reduced motion stops animations", async ({
  page,
  account: _,
}) => {
  await page.emulateMedia({ colorScheme: "dark", reducedMotion: "reduce" });
  await page.goto("/account");
  await rejectCookies(page);
  // The page's background, as the sRGB a screen shows (a canvas converts oklch/lab for us).
  const [r, g, b] = await page.evaluate(() => {
    const ctx = document.createElement("canvas").getContext("2d")!;
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor;
    ctx.fillRect(0, 0, 1, 1);
    return [...ctx.getImageData(0, 0, 1, 1).data];
  });
  expect(Math.max(r!, g!, b!)).toBeLessThan(60);
  await noAxeViolations(page, "overview dark");
  await page.goto("/account/consents");
  await noAxeViolations(page, "consents dark");

  const duration = await page.evaluate(() => {
    const el = document.createElement("div");
    el.className = "animate-pulse transition-colors";
    document.body.append(el);
    const s = getComputedStyle(el);
    return [s.animationDuration, s.transitionDuration].map((d) => parseFloat(d));
  });
  for (const d of duration) expect(d).toBeLessThan(0.001);
});

test("the merged pages' old addresses redirect permanently", async ({ page, account: _ }) => {
  const moved: [string, string][] = [
    ["/account/data/cookie-consents", "/account/consents"],
    ["/account/data/marketing", "/account/preferences"],
  ];
  for (const [from, to] of moved) {
    const response = await page.request.get(from, { maxRedirects: 0 });
    expect(response.status(), from).toBe(308);
    expect(response.headers()["location"], from).toBe(to);
  }
  await page.goto("/account/data/marketing");
  await expect(page).toHaveURL(/\/account\/preferences$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Marketing email");
  await expect(page.getByRole("button", { name: "Save preferences" })).toBeVisible();
  await expect(page.getByRole("region", { name: "Opens and clicks we recorded" })).toBeVisible();
});

for (const locale of ["en-GB", "nl-NL"]) {
  test.describe(`home and privacy statement in ${locale}`, () => {
    test.use({ locale, viewport: { width: 320, height: 700 } });
    test("fit 320 px, are in the browser's language, and axe finds nothing", async ({ page }) => {
      for (const path of ["/", "/policy", "/no-such-page"]) {
        await page.goto(path);
        await expect(page.locator("html")).toHaveAttribute("lang", locale.slice(0, 2));
        await noSideScroll(page, `${path} ${locale}`);
        await noAxeViolations(page, `${path} ${locale}`);
      }
      const footer = page.getByRole("contentinfo");
      await expect(
        footer.getByRole("button", {
          name: locale === "nl-NL" ? "Cookie-instellingen" : "Cookie settings",
        }),
      ).toBeVisible();
      await expect(
        footer.getByRole("navigation", { name: locale === "nl-NL" ? "Taal" : "Language" }),
      ).toBeVisible();
    });
  });
}
