import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { uniqueIp } from "./fixtures/users";
import { interceptVendors } from "./fixtures/vendors";

test.use({ viewport: { width: 390, height: 844 } });

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

const settingsDialog = (page: Page) => page.getByRole("dialog", { name: "Cookie settings" });
const footerButton = (page: Page) =>
  page.getByRole("contentinfo").getByRole("button", { name: "Cookie settings" });

async function rejectAll(page: Page) {
  const reloaded = page.waitForEvent("load");
  await page.getByRole("button", { name: "Reject all" }).click();
  await reloaded;
  await expect(page.getByRole("dialog", { name: "Cookies on this site" })).toBeHidden();
}

test("cookie settings: a modal dialog from the footer, categories folded, vendors on demand, Save in reach, focus back on close", async ({
  page,
  baseURL,
}) => {
  await interceptVendors(page.context(), new URL(baseURL!).origin);
  await page.goto("/");
  await rejectAll(page);

  await footerButton(page).click();
  const first = page.getByRole("dialog", { name: "Cookies on this site" });
  await expect(first).toHaveAttribute("aria-modal", "true");
  await first.getByRole("button", { name: "Choose" }).click();
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole("heading", { name: "Cookie settings" })).toBeFocused();

  // Folded: one switch per category, no vendor until asked for.
  await expect(dialog.getByRole("switch")).toHaveCount(3);
  await expect(dialog.getByRole("switch", { name: "All analytics" })).not.toBeChecked();
  await expect(dialog.getByRole("switch", { name: "Google Analytics" })).toHaveCount(0);
  const save = dialog.getByRole("button", { name: "Save my choices" });
  await expect(save).toBeInViewport({ ratio: 1 });

  const advertising = dialog.getByRole("button", { name: /^Advertising vendors/ });
  await expect(advertising).toHaveAttribute("aria-expanded", "false");
  await advertising.click();
  await expect(advertising).toHaveAttribute("aria-expanded", "true");
  await expect(
    dialog.getByRole("switch", { name: "Microsoft Bing Universal Event Tracking" }),
  ).not.toBeChecked();
  // Vendors go by their names, never their ids.
  await expect(dialog.getByText("bing-uet")).toHaveCount(0);
  // However long the list, Save stays on screen: the list scrolls inside the dialog.
  await expect(save).toBeInViewport({ ratio: 1 });
  const [scroll, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth,
    window.innerWidth,
  ]);
  expect(scroll).toBeLessThanOrEqual(inner);
  const axe = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  // Focus stays inside the dialog, however far you tab.
  for (let i = 0; i < 25; i++) {
    await page.keyboard.press("Tab");
    expect(
      await page.evaluate(() =>
        document.querySelector("dialog[open]")?.contains(document.activeElement),
      ),
    ).toBe(true);
  }

  // Escape closes, without a choice, and focus is back on the button that opened it.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(footerButton(page)).toBeFocused();
  expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Cookie settings");

  // So does the Close button.
  await page.keyboard.press("Enter");
  await page.getByRole("button", { name: "Choose" }).click();
  await settingsDialog(page).getByRole("button", { name: "Close" }).click();
  await expect(settingsDialog(page)).toBeHidden();
  await expect(footerButton(page)).toBeFocused();
});

test("on a first visit Escape steps back to the first layer, and a vendor switched on is saved", async ({
  page,
  baseURL,
}) => {
  await interceptVendors(page.context(), new URL(baseURL!).origin);
  await page.goto("/");
  await page.getByRole("button", { name: "Choose" }).click();
  const dialog = settingsDialog(page);
  await dialog.getByRole("button", { name: /^Analytics vendors/ }).click();
  await dialog.getByRole("switch", { name: "Hotjar" }).check();
  await expect(dialog.getByRole("switch", { name: "Hotjar" })).toBeChecked();
  // Escape on a first visit steps back to the first layer: it is never a choice.
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name: "Cookies on this site" })).toBeFocused();
  await page.getByRole("button", { name: "Choose" }).click();
  await dialog.getByRole("button", { name: /^Analytics vendors/ }).click();
  await dialog.getByRole("switch", { name: "Hotjar" }).check();
  const reloaded = page.waitForEvent("load");
  await dialog.getByRole("button", { name: "Save my choices" }).click();
  await reloaded;
  await expect(dialog).toBeHidden();
  const cookies = (await page.context().cookies()).map((c) => c.name);
  expect(cookies).toContain("pc_consent");
});
