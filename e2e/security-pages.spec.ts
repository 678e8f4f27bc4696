import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { untilPasswordIsStale } from "./fixtures/export";
import { expect, registeredUser, signIn, test, uniqueIp, type TestUser } from "./fixtures/users";

// The account's security pages as a person meets them: on a small phone, a phone and a laptop,
// in English and Dutch, in a time zone far from the server's; and the password step-up, used
// with the keyboard, giving focus back to where it was.

const WIDTHS = [320, 390, 1280] as const;
const PAGES = ["/account/security", "/account/data/login-activity"] as const;

async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
}

/** Collects what the page reports as going wrong: console errors and uncaught errors. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(`console: ${m.text()}`);
  });
  page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
  return errors;
}

/**
 * A second browser that got the password wrong once, then signed in: the history then has a
 * refusal, and a sign-in that is not this one (with "This wasn't me").
 */
async function signInElsewhere(browser: Browser, user: TestUser) {
  const context = await browser.newContext({
    extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
  });
  const other = await context.newPage();
  await signIn(other, { email: user.email, password: "Not-The-Right-Password-1" });
  await expect(other.getByRole("alert").filter({ hasText: /do not match/ })).toBeVisible();
  await signIn(other, user);
  await expect(other).toHaveURL(/\/account$/);
  await context.close();
}

async function chooseLanguage(page: Page, language: "en" | "nl") {
  await page.goto("/account/profile");
  await page.locator("select[name=language]").selectOption(language);
  await page
    .locator("form")
    .filter({ has: page.locator("select[name=language]") })
    .getByRole("button")
    .click();
  await expect(page.locator("html")).toHaveAttribute("lang", language);
}

test.describe("far from UTC", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("security and sign-in activity: no sideways scrolling and axe clean at every width, in English and Dutch @phone", async ({
    page,
    account,
    browser,
  }) => {
    test.setTimeout(180_000);
    await signInElsewhere(browser, account);
    const errors = collectErrors(page);
    for (const language of ["en", "nl"] as const) {
      await chooseLanguage(page, language);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 800 });
        for (const path of PAGES) {
          await page.goto(path);
          const list = page.getByRole("list", {
            name:
              language === "en"
                ? "Sign-in attempts, newest first"
                : "Inlogpogingen, nieuwste eerst",
          });
          await expect(list.getByRole("listitem").first()).toBeVisible();
          await page.waitForLoadState("networkidle");
          expect(
            await sidewaysScroll(page),
            `${path} at ${width} px (${language})`,
          ).toBeLessThanOrEqual(0);
          if (width !== 320) {
            expect(await axeViolations(page), `${path} at ${width} px (${language})`).toEqual([]);
          }
        }
      }
    }
    expect(errors).toEqual([]);
  });

  test("sign-in history reads as a person would: local times, relative when recent, devices in words, IPs", async ({
    page,
    account,
    browser,
  }) => {
    await signInElsewhere(browser, account);
    await page.goto("/account/security");
    const list = page.getByRole("list", { name: "Sign-in attempts, newest first" });
    const refused = list.getByRole("listitem").filter({ hasText: "Wrong password" }).first();
    await expect(refused).toContainText(/\d+\.\d+\.\d+\.\d+/);
    await expect(refused).toContainText(/just now|minutes? ago/);
    await expect(refused).toContainText(/Chrome( \d+)? on Linux|Chrome( \d+)? on /);
    // The exact time on hover, in UTC: the title of the relative time.
    await expect(refused.locator("time").first()).toHaveAttribute("title", /UTC/);
    const other = list
      .getByRole("listitem")
      .filter({ hasText: "Signed in" })
      .filter({ hasNotText: "this session" });
    await expect(other.getByRole("button", { name: /This wasn't me/ }).first()).toBeVisible();
    // Sessions: one other, signed out from here.
    await page
      .getByRole("button", { name: /^Sign out Chrome/ })
      .first()
      .click();
    await expect(page.getByText(/is signed out\./)).toBeVisible();
  });
});

for (const timezoneId of ["Pacific/Auckland", "Europe/Amsterdam"]) {
  test.describe(`profile in ${timezoneId}`, () => {
    test.use({ timezoneId });

    test(`the profile hydrates without an error, in English and Dutch (${timezoneId})`, async ({
      page,
      account,
    }) => {
      const errors = collectErrors(page);
      await page.goto("/account/profile");
      await expect(page.getByLabel("Country (optional)")).toBeEnabled();
      await page.getByLabel("Country (optional)").selectOption("FK");
      await page.getByRole("button", { name: "Save profile" }).click();
      await expect(page.getByText("Your profile is saved.")).toBeVisible();
      await page.reload();
      await expect(page.getByLabel("Country (optional)")).toHaveValue("FK");
      await page.waitForLoadState("networkidle");

      await chooseLanguage(page, "nl");
      await page.reload();
      await expect(page.getByLabel("Naam")).toHaveValue(account.name);
      await expect(page.getByLabel("Land (optioneel)")).toHaveValue("FK");
      await page.waitForLoadState("networkidle");
      expect(errors).toEqual([]);
    });
  });
}

test("cancelling the password step-up gives focus back to the button that asked for it", async ({
  page,
}) => {
  test.setTimeout(90_000);
  await registeredUser(page, "stepup");
  // The e2e server asks for the password again 6 s after it was last given; wait until then.
  await untilPasswordIsStale(page);
  await page.goto("/account/export");
  const start = page.getByRole("button", { name: "Download my data" });
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  const focused = () =>
    page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? `${el.tagName} ${el.textContent?.trim()}` : "";
    });

  // Escape cancels…
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await expect(dialog.getByLabel("Your password")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  // Focus goes back to the button, or on to the export's answer ("…not confirmed…"): never to
  // <body>.
  const afterCancel = /^(BUTTON Download my data|DIV .*not confirmed.*)$/;
  await expect.poll(focused).toMatch(afterCancel);

  // …and so does the Cancel button, reached with the keyboard.
  await start.focus();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Tab"); // from the password to Cancel
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();
  await expect.poll(focused).toMatch(afterCancel);
});
