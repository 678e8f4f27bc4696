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
