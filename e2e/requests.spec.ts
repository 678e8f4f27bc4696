import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import { expect, newUser, registeredUser, test, uniqueIp } from "./fixtures/users";

/** Answers the cookie banner so it covers nothing (it is tested in consent.spec.ts). */
async function rejectCookies(page: Page) {
  await page.getByRole("button", { name: "Reject all" }).click();
  await expect(page.getByRole("dialog", { name: /cookies on this site/i })).toBeHidden();
}

async function noAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
}

// Sign-up through the app's own mail, then several pages and mails per test: on a busy machine
// the default minute is not enough (the fixture's time counts too).
test.describe.configure({ timeout: 300_000 });

const REFERENCE = /PR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}/;

/** Files one request through the form and lands on its tracker; returns the reference. */
async function fileRequest(page: Page, kind: string, label: RegExp, details = "") {
  await page.goto(`/account/requests/new?kind=${kind}`);
  await expect(page.getByRole("radio", { name: label })).toBeChecked();
  if (details) await page.getByLabel(/^Details/).fill(details);
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page).toHaveURL(/\/account\/requests\/PR-/);
  const heading = await page.getByRole("heading", { level: 1 }).textContent();
  return heading!.match(REFERENCE)![0];
}

/** A visitor's request through the public form, confirmed from the mail; ends on the tracker. */
async function fileAsVisitor(page: Page, email: string) {
  await page.goto("/");
  await page.getByRole("link", { name: /Make a request about your data without one/ }).click();
  await expect(page.getByRole("heading", { name: "Make a request about your data" })).toBeVisible();
  await page.getByLabel("Your email address").fill(email);
  await page.getByRole("radio", { name: /Ask something else/ }).check();
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Tell us what you would like to ask.")).toBeVisible();
  await page.getByLabel(/^Details/).fill("Do you hold anything about me from a trade show?");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Check your email.")).toBeVisible();
  const mail = await waitForMail(email, { subject: /Confirm your privacy request/ });
  const link = extractLink(mail.text, "/requests/verify");
  await page.goto(link);
  return link;
}

test("a holder files each kind, follows, messages and cancels a request, with receipt mail", async ({
  page,
  account,
}) => {
  // Settle on a page of ours first: the fixture may still be navigating to /account.
  await page.goto("/account/requests");
  await rejectCookies(page);
  await page.goto("/account/requests");
  await expect(page.getByText("You have not made any requests yet.")).toBeVisible();

  // Details are needed for "something else" and "correct": the form says so before sending.
  await page.goto("/account/requests/new?kind=other");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Tell us what you would like to ask.")).toBeVisible();
  await expect(page.getByRole("link", { name: "Delete my account" })).toHaveAttribute(
    "href",
    "/account/delete",
  );

  const filed = [
    await fileRequest(page, "access", /Get a copy of my data/),
    await fileRequest(page, "rectification", /Correct my data/, "My company is now Acme 3D."),
    await fileRequest(page, "portability", /Send me my data to take elsewhere/),
    await fileRequest(page, "withdraw_consent", /Withdraw a consent I gave/),
    await fileRequest(page, "other", /Ask something else/, "Which resellers got my quote?"),
  ];

  await page.getByRole("link", { name: "Your requests", exact: true }).click();
  await expect(page).toHaveURL(/\/account\/requests$/);
  const table = page.getByRole("table", { name: "Your requests, newest first" });
  for (const reference of filed) {
    const row = table.getByRole("row").filter({ hasText: reference });
    await expect(row).toContainText("Received");
    await expect(row.getByRole("cell").nth(4)).toHaveText(/^\d{1,2} \w{3} \d{4}$/);
  }
  await expect(table).toContainText("Correct my data");

  // The tracker: status, due date, the timeline, a message, then cancel.
  await table.getByRole("link", { name: filed[1]! }).click();
  await expect(page.getByRole("heading", { name: `Request ${filed[1]}` })).toBeVisible();
  await expect(page.getByText(/We answer by \d{1,2} \w{3} \d{4}/)).toBeVisible();
  await expect(page.getByText("My company is now Acme 3D.")).toBeVisible();
  await page.getByRole("textbox", { name: "Add a message" }).fill("It was Acme Printing before.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(page.getByText("Your message is added to the timeline.")).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline.getByRole("listitem").last()).toContainText("It was Acme Printing before.");
  await expect(timeline.getByRole("listitem").last()).toContainText("You");

  await page.getByRole("button", { name: "Cancel this request" }).click();
  await page.getByRole("button", { name: "Yes, cancel the request" }).click();
  await expect(page.getByText("Your request is cancelled.")).toBeVisible();
  await expect(page.getByRole("region", { name: "Where your request stands" })).toContainText(
    "Cancelled",
  );
  await expect(page.getByRole("button", { name: "Cancel this request" })).toBeHidden();

  const receipt = await waitForMail(account.email, { subject: new RegExp(filed[0]!) });
  expect(receipt.text).toContain("Get a copy of my data");
  expect(extractLink(receipt.text, `/account/requests/${filed[0]}`)).toContain(filed[0]);
  await waitForMail(account.email, { subject: new RegExp(`${filed[1]} is cancelled`) });
});

test("another holder gets 404 for a request that is not theirs", async ({
  page,
  account,
  browser,
}) => {
  await page.goto("/account/requests");
  await rejectCookies(page);
  const reference = await fileRequest(page, "access", /Get a copy of my data/);
  const other = await (
    await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } })
  ).newPage();
  await registeredUser(other, "other");
  const response = await other.goto(`/account/requests/${reference}`);
  expect(response?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Page not found" })).toBeVisible();
  expect(account.email).not.toBe("");
});

test("a visitor without an account confirms by mail and follows the request", async ({ page }) => {
  const email = newUser("visitor").email;
  await page.goto("/sign-in");
  await expect(
    page.getByRole("link", { name: "Make a request without an account" }),
  ).toHaveAttribute("href", "/requests/new");
  await rejectCookies(page);
  const link = await fileAsVisitor(page, email);
  await page.getByRole("button", { name: "Confirm and send my request" }).click();
  await expect(page).toHaveURL(/\/requests\/track\//);
  await expect(page.getByRole("heading", { name: REFERENCE })).toBeVisible();
  const timeline = page.getByRole("list", { name: "Timeline" });
  await expect(timeline).toContainText("Email address confirmed");
  await page.getByRole("textbox", { name: "Add a message" }).fill("I was at the Utrecht fair.");
  await page.getByRole("button", { name: "Send message" }).click();
  await expect(timeline.getByRole("listitem").last()).toContainText("I was at the Utrecht fair.");

  const receipt = await waitForMail(email, { subject: /We received your request PR-/ });
  const tracker = extractLink(receipt.text, "/requests/track/");
  expect(new URL(tracker).pathname).toBe(new URL(page.url()).pathname);

  // The same link again creates nothing and says so.
  await page.goto(link);
  await page.getByRole("button", { name: "Confirm and send my request" }).click();
  await expect(page.getByText(/This link is not valid/)).toBeVisible();

  // A changed tracker link opens nothing.
  await page.goto(tracker.replace("/track/ey", "/track/eZ"));
  await expect(page.getByRole("heading", { name: "Request not found" })).toBeVisible();
});

test("every new request page passes axe @phone", async ({ page, account }) => {
  await page.goto("/account/requests");
  await rejectCookies(page);
  await page.goto("/account/requests");
  await expect(page.getByRole("heading", { name: "Your requests" })).toBeVisible();
  await noAxeViolations(page, "list (empty)");
  await page.goto("/account/requests/new");
  await page.getByRole("button", { name: "Send the request" }).click();
  await expect(page.getByText("Choose what you would like us to do.")).toBeVisible();
  await noAxeViolations(page, "new (with errors)");
  const reference = await fileRequest(page, "other", /Ask something else/, "A question.");
  await noAxeViolations(page, "tracker");
  await page.goto("/account/requests");
  await expect(page.getByRole("link", { name: reference })).toBeVisible();
  await noAxeViolations(page, "list");

  const visitor = await (
    await page
      .context()
      .browser()!
      .newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } })
  ).newPage();
  await visitor.goto("/requests/new");
  await rejectCookies(visitor);
  await noAxeViolations(visitor, "public form");
  await fileAsVisitor(visitor, newUser("axe").email);
  await noAxeViolations(visitor, "confirm");
  await visitor.getByRole("button", { name: "Confirm and send my request" }).click();
  await expect(visitor.getByRole("heading", { name: REFERENCE })).toBeVisible();
  await noAxeViolations(visitor, "public tracker");
  expect(account.email).not.toBe("");
});

test.describe("in a browser far west of UTC", () => {
  test.use({ timezoneId: "America/Los_Angeles" });

  test("the request pages hydrate without an error", async ({ page, account }) => {
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
    await page.goto("/account/requests");
    await rejectCookies(page);
    const reference = await fileRequest(page, "access", /Get a copy of my data/);
    for (const path of [
      `/account/requests/${reference}`,
      "/account/requests",
      "/account/requests/new",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(errors, `${path} (${account.email})`).toEqual([]);
    }
  });
});
