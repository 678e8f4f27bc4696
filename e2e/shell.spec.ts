import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { categories, cookieVendors } from "../lib/catalog";
import { organisation } from "../lib/organisation";

test.describe("public shell", () => {
  test("home page says what the privacy center offers @phone", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1 })).toContainText(organisation.shortName);
    await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
    const footer = page.getByRole("contentinfo");
    await expect(footer.getByRole("link", { name: organisation.contactEmail })).toBeVisible();
    await expect(footer.getByRole("link", { name: "Privacy statement" })).toHaveAttribute(
      "href",
      "/policy",
    );
    // Nothing sticks out sideways on a phone-sized screen.
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });

  test("policy page is generated from the catalogs", async ({ page }) => {
    await page.goto("/policy");
    for (const category of categories) {
      await expect(page.getByRole("heading", { name: category.title, exact: true })).toBeVisible();
    }
    for (const vendor of cookieVendors) {
      await expect(page.getByText(vendor.name, { exact: true })).toBeVisible();
    }
    await expect(
      page.getByRole("link", { name: organisation.supervisoryAuthority.name }),
    ).toBeVisible();
  });

  test("unknown pages answer 404 with a way back", async ({ page }) => {
    const response = await page.goto("/no-such-page");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await expect(page).toHaveURL(/\/$/);
  });

  for (const path of ["/", "/policy", "/no-such-page"]) {
    test(`no accessibility violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      const result = await new AxeBuilder({ page }).analyze();
      expect(result.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    });
  }
});

test("the favicon, app icons, manifest and robots.txt are served", async ({ page, request }) => {
  const notFound: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 400) notFound.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/");
  const hrefs = await page
    .locator('link[rel="icon"], link[rel="apple-touch-icon"], link[rel="manifest"]')
    .evaluateAll((links) => links.map((l) => (l as HTMLLinkElement).href));
  expect(hrefs.map((h) => new URL(h).pathname).sort()).toEqual([
    "/apple-touch-icon.png",
    "/favicon.ico",
    "/icon.svg",
    "/manifest.webmanifest",
  ]);
  const manifest = await (await request.get("/manifest.webmanifest")).json();
  expect(manifest.name).toBe(organisation.productName);
  const icons = (manifest.icons as { src: string }[]).map((i) => i.src);
  expect(icons).toEqual(["/icon.svg", "/icon-192.png", "/icon-512.png"]);
  for (const path of [...hrefs.map((h) => new URL(h).pathname), ...icons]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toMatch(/^image\/|manifest\+json/);
  }
  expect(notFound).toEqual([]);

  const robots = await request.get("/robots.txt");
  expect(robots.status()).toBe(200);
  const rules = (await robots.text()).split("\n");
  for (const path of ["/account", "/support", "/admin", "/api"]) {
    expect(rules).toContain(`Disallow: ${path}`);
  }
});
