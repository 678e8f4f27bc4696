import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures/users";

/** What has focus now: tag, accessible-ish name, whether it shows focus, and whether it is on screen. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { tag: "body", name: "", visible: false, ring: false };
    const label =
      el.getAttribute("aria-label") ??
      (el.id ? document.querySelector(`label[for="${CSS.escape(el.id)}"]`)?.textContent : null) ??
      el.textContent ??
      "";
    const style = getComputedStyle(el);
    const ring =
      el.matches(":focus-visible") &&
      ((style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) ||
        style.boxShadow !== "none");
    const r = el.getBoundingClientRect();
    const visible =
      r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < window.innerHeight && r.right > 0;
    return { tag: el.tagName.toLowerCase(), name: label.trim().slice(0, 80), visible, ring };
  });
}

/** Tab once and check that whatever got focus is on screen and shows a focus ring. */
async function tab(page: Page, key = "Tab") {
  await page.keyboard.press(key);
  const now = await focused(page);
  expect.soft(now.tag, "focus never falls to <body> while tabbing").not.toBe("body");
  expect.soft(now.visible, `${now.tag} "${now.name}" is on screen when focused`).toBe(true);
  expect.soft(now.ring, `${now.tag} "${now.name}" shows a visible focus ring`).toBe(true);
  return now;
}

test("a keyboard alone saves the profile, and focus stays visible and in place", async ({
  page,
  account,
}) => {
  await page.goto("/account/profile");
  const name = page.getByLabel("Name", { exact: true });
  await expect(name).toBeEnabled(); // hydrated
  await expect(name).toHaveValue(account.name);

  // A first visit opens the cookie banner, which takes focus: answer it by keyboard first.
  const banner = page.getByRole("dialog", { name: "Cookies on this site" });
  if (await banner.isVisible()) {
    const reject = banner.getByRole("button", { name: "Reject all" });
    for (let i = 0; i < 6 && !(await reject.evaluate((el) => el === document.activeElement)); i++) {
      await tab(page);
    }
    await expect(reject).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(banner).toBeHidden();
    const afterBanner = await focused(page);
    expect.soft(afterBanner.tag, "focus after answering the cookie banner").not.toBe("body");
  }

  // Tab on to the first field; every stop on the way is on screen and shows where it is.
  for (let i = 0; i < 80 && !(await name.evaluate((el) => el === document.activeElement)); i++) {
    await tab(page);
  }
  await expect(name).toBeFocused();

  // Type a new name; Escape does not throw focus away.
  await page.keyboard.press("Control+A");
  await page.keyboard.type(`${account.name} Keyboard`);
  await page.keyboard.press("Escape");
  await expect(name).toBeFocused();

  await tab(page);
  await expect(page.getByLabel("Company (optional)")).toBeFocused();
  await tab(page);
  await expect(page.getByLabel("Country (optional)")).toBeFocused();
  await tab(page);
  await expect(page.getByLabel("Phone (optional)")).toBeFocused();
  await tab(page);
  await expect(page.getByLabel("Language for our messages")).toBeFocused();
  // Back and forth: Shift+Tab returns to the previous field.
  await tab(page, "Shift+Tab");
  await expect(page.getByLabel("Phone (optional)")).toBeFocused();
  await tab(page);
  await tab(page);
  const save = page.getByRole("button", { name: "Save profile" });
  await expect(save).toBeFocused();

  // Space presses the button; the result is announced and focus stays where the person was
  // (on the button) or moves to the result, never to <body>.
  await page.keyboard.press("Space");
  await expect(page.getByText("Your profile is saved.")).toBeVisible();
  const after = await focused(page);
  expect(after.tag, "focus after saving").not.toBe("body");
  expect(
    after.name === "Save profile" || /saved/.test(after.name),
    `focus after saving is on the button or the result, not ${after.tag} "${after.name}"`,
  ).toBe(true);
  await expect(name).toHaveValue(`${account.name} Keyboard`);
});
