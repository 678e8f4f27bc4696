import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/users";

// A zone far from the server's: a date formatted in the browser's own zone would not match the
// server's HTML (a hydration error), and a day near midnight would even change its date.
test.use({ timezoneId: "Pacific/Auckland" });

/** Collects everything the page reports as going wrong: console errors and uncaught errors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

test("pages with dates hydrate without an error in a browser far from UTC", async ({
  page,
  account,
}) => {
  test.setTimeout(150_000);
  expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
    "Pacific/Auckland",
  );
  const errors = collectErrors(page);

  // Something dated on each page: a cookie choice, a support grant (listed by a client component).
  await page.getByRole("button", { name: "Accept all" }).click();
  await expect(page.getByRole("dialog", { name: /cookies on this site/i })).toBeHidden({
    timeout: 30_000,
  });
  await page.goto("/account/support-access");
  await page.getByLabel("Ticket reference").fill("SUP-DATES");
  await page.getByRole("button", { name: "Give access" }).click();
  await expect(
    page.getByText(/Support may look at your account for ticket SUP-DATES until \d.+\d\./),
  ).toBeVisible();

  const dated: [string, RegExp][] = [
    ["/account/support-access", /Given \d{1,2} \w{3} \d{4}, \d\d:\d\d/],
    ["/account/security", /ago|just now/],
    ["/account/consents", /./],
    ["/account/data/login-activity", /ago|just now/],
    ["/account/staff-access", /./],
    ["/account/export", /./],
    ["/account", /./],
  ];
  for (const [path, text] of dated) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await expect(page.getByRole("main").getByText(text).first()).toBeVisible();
    // Hydration has finished once the page's client components answer; React reports a
    // mismatch while hydrating, so by now it would be in `errors`.
    await page.waitForLoadState("networkidle");
    expect(errors, `${path} (${account.email})`).toEqual([]);
  }
});
