import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import { alertBox, expect, signIn, test, type TestUser } from "./fixtures/users";

async function noAxeViolations(page: Page) {
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
}

/** Confirms on /account/delete, answering the password step-up if the server asks for it. */
async function deleteMyAccount(page: Page, user: TestUser) {
  await page.goto("/account/delete");
  await page.getByRole("checkbox", { name: /I understand/ }).check();
  await page.getByRole("button", { name: "Delete my account" }).click();
  const banner = page.getByRole("heading", { name: /Your account will be deleted on/ });
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await expect(banner.or(dialog)).toBeVisible();
  if (await dialog.isVisible()) {
    await dialog.getByLabel("Your password").fill(user.password);
    await dialog.getByRole("button", { name: "Confirm" }).click();
  }
  await expect(banner).toBeVisible();
}

test("delete my account shows the grace banner everywhere, locks changes, and Keep my account cancels it", async ({
  page,
  account,
}) => {
  test.setTimeout(120_000);
  await page.goto("/account/delete");
  await expect(
    page.getByRole("heading", { name: "What we keep, without your name, and why" }),
  ).toBeVisible();
  await noAxeViolations(page);
  await deleteMyAccount(page, account);
  await waitForMail(account.email, { subject: /will be deleted on/ });

  // The banner is on every account page, and the account is locked meanwhile.
  await page.goto("/account/profile");
  const banner = page.getByRole("region", { name: /Your account will be deleted on/ });
  await expect(banner).toBeVisible();
  await noAxeViolations(page);

  await banner.getByRole("button", { name: "Keep my account" }).click();
  await expect(banner).toBeHidden();
  await waitForMail(account.email, { subject: /account stays/ });
  await page.goto("/account/delete");
  await expect(page.getByRole("button", { name: "Delete my account" })).toBeVisible();
});

test("the emailed link keeps the account without signing in; the link page changes nothing on its own", async ({
  page,
  browser,
  account,
}) => {
  test.setTimeout(120_000);
  await deleteMyAccount(page, account);
  const mail = await waitForMail(account.email, { subject: /will be deleted on/ });
  const link = extractLink(mail.text, "/keep-account");

  const stranger = await browser.newContext();
  const other = await stranger.newPage();
  await other.goto(link);
  await noAxeViolations(other);
  // Opening the link did nothing: the holder still sees the banner.
  await page.reload();
  await expect(
    page.getByRole("heading", { name: /Your account will be deleted on/ }),
  ).toBeVisible();
  await other.getByRole("button", { name: "Keep my account" }).click();
  await expect(other.getByText(/Your account stays/)).toBeVisible();
  await stranger.close();

  await page.reload();
  await expect(page.getByRole("heading", { name: /Your account will be deleted on/ })).toBeHidden();
});

test("after the grace period the job erases the account: the receipt arrives and sign-in fails", async ({
  page,
  account,
}) => {
  test.setTimeout(180_000);
  await deleteMyAccount(page, account);
  const receipt = await waitForMail(account.email, {
    subject: /has been deleted/,
    timeoutMs: 150_000,
  });
  expect(receipt.text).toMatch(/users: 1 row/);
  expect(receipt.text).toMatch(/privacy_requests: \d+ rows? anonymised/);

  await page.context().clearCookies();
  await signIn(page, account);
  await expect(alertBox(page)).toBeVisible();
  await expect(page).toHaveURL(/\/sign-in/);
});

test("delete data: count first, then delete; axe clean @phone", async ({ page, holder }) => {
  test.setTimeout(120_000);
  expect(holder.email).toBeTruthy();
  await page.goto("/account/delete-data");
  await noAxeViolations(page);
  await page.getByLabel("Kind of data").selectOption({ label: "Diagnostics" });
  await page.getByRole("button", { name: "Count what would be deleted" }).click();
  const count = page.getByRole("status").filter({ hasText: /This deletes [\d,]+ diagnostics/ });
  await expect(count).toBeVisible();
  const n = /This deletes ([\d,]+)/.exec((await count.textContent()) ?? "")![1]!;
  await noAxeViolations(page);
  await page.getByRole("button", { name: `Delete ${n} now` }).click();
  await expect(
    page.getByRole("status").filter({ hasText: `Deleted ${n} diagnostics` }),
  ).toBeVisible();

  await page.getByLabel("From (optional)").fill("2026-02-02");
  await page.getByLabel("To, inclusive (optional)").fill("2026-02-01");
  await page.getByRole("button", { name: "Count what would be deleted" }).click();
  await expect(page.getByText("The start date must be on or before the end date")).toBeVisible();
});

test("the delete pages fit a phone and pass axe @phone", async ({ page, account }) => {
  expect(account.email).toBeTruthy();
  await page.goto("/account/delete");
  await expect(page.getByRole("heading", { name: "Delete your account", level: 1 })).toBeVisible();
  await noAxeViolations(page);
  await page.goto("/keep-account?token=not-a-token");
  await noAxeViolations(page);
  await page.getByRole("button", { name: "Keep my account" }).click();
  await expect(page.getByText("This link is not valid.")).toBeVisible();
});
