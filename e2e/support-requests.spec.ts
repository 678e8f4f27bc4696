import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { waitForMail } from "./fixtures/mailbox";
import { expect, signIn, staff, test, uniqueIp } from "./fixtures/users";

// Several people sign in per test and axe runs on full pages: on the shared 2-core machine
// that takes minutes, not seconds.
test.describe.configure({ timeout: 180_000 });

// Each seeded holder has two open requests (scripts/e2e-seed.ts): an access request received 35
// days ago (overdue by 5 days) and a portability request from 3 days ago.

async function staffPage(browser: Browser, who: "agent" | "admin"): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const page = await context.newPage();
  await signIn(page, staff[who]);
  await expect(page).toHaveURL(/\/account$/);
  return page;
}

/** The queue narrowed to one requester, through the filter form. */
async function queueOf(page: Page, email: string) {
  await page.goto("/support");
  await page
    .getByRole("navigation", { name: "Support" })
    .getByRole("link", { name: "Requests" })
    .click();
  await expect(page.getByRole("heading", { name: "Request queue", level: 1 })).toBeVisible();
  await page.getByLabel("Requester email or reference").fill(email);
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/q=/);
  return page.getByRole("region", { name: "Requests table" }).getByRole("row");
}

async function noAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
}

/** The request's reference, from the staff page's heading ("Request PR-…"). */
async function referenceOf(page: Page): Promise<string> {
  const heading = page.getByRole("heading", { name: /^Request PR-/, level: 1 });
  const text = (await heading.textContent()) ?? "";
  return /PR-[2-9A-Z]{4}-[2-9A-Z]{2}/.exec(text)![0];
}

/** The holder's own tracker of that request (the holder is signed in on `page`). */
async function holderTimeline(page: Page, reference: string) {
  await page.goto(`/account/requests/${reference}`);
  await expect(page.getByRole("heading", { name: new RegExp(reference), level: 1 })).toBeVisible();
  return page.getByRole("list", { name: "Timeline" });
}

test("an agent works a request from the queue: a note, a question, then the answer", async ({
  browser,
  holder,
  page: holderPage,
}) => {
  const page = await staffPage(browser, "agent");
  const rows = await queueOf(page, holder.email);
  await expect(rows).toHaveCount(3); // the header and two requests, overdue first
  await expect(rows.nth(1)).toContainText("Get a copy of my data");
  await expect(rows.nth(1)).toContainText("Overdue by 5 days");
  await expect(rows.nth(1)).toContainText(holder.name);
  await expect(rows.nth(2)).toContainText("Send me my data to take elsewhere");
  await expect(rows.nth(2)).not.toContainText("Overdue");
  await rows.nth(1).getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Request PR-/, level: 1 })).toBeVisible();
  const timeline = page.getByRole("region", { name: "Timeline" });
  await expect(timeline).toContainText("Request received");
  const reference = await referenceOf(page);

  await page.getByLabel("Note for staff").fill("Checked: the holder's identity is the session's.");
  await page.getByRole("button", { name: "Add note" }).click();
  await expect(page.getByText("Note added.")).toBeVisible();
  await expect(timeline).toContainText("Internal note (not shown to the requester)");
  await expect(timeline).toContainText("Checked: the holder's identity is the session's.");

  const question = `Should the export include printer ${randomUUID().slice(0, 6)}?`;
  await page.getByLabel("Question for the requester").fill(question);
  await page.getByRole("button", { name: "Send question" }).click();
  await expect(page.getByText("Question sent.")).toBeVisible();
  await expect(timeline).toContainText(question);
  const asked = await waitForMail(holder.email, {
    subject: /A question about your privacy request/,
  });
  expect(asked.text).toContain(question);
  expect(asked.text).not.toContain("identity is the session"); // notes stay inside

  // The answer is required; the form says so before anything is sent.
  await page.getByRole("button", { name: "Complete the request" }).click();
  await expect(page.getByText("Write the answer")).toBeVisible();
  const answer = "Your data export is ready under Export in your account.";
  await page.getByLabel("Answer to the requester").fill(answer);
  await page.getByRole("button", { name: "Complete the request" }).click();
  await expect(page.getByText("This request is completed: nothing more to decide.")).toBeVisible();
  await expect(timeline).toContainText(answer);
  const done = await waitForMail(holder.email, { subject: /is complete/ });
  expect(done.text).toContain(answer);

  // Gone from the open queue; one request left.
  await expect(await queueOf(page, holder.email)).toHaveCount(2);

  // The holder sees the question and the answer on their own timeline, never the staff note.
  const seen = await holderTimeline(holderPage, reference);
  await expect(seen).toContainText(question);
  await expect(seen).toContainText(answer);
  await expect(seen).not.toContainText("identity is the session");
  await expect(holderPage.getByText("Completed", { exact: true }).first()).toBeVisible();
});

test("an admin extends a request once, with a reason the holder is sent", async ({
  browser,
  holder,
  page: holderPage,
}) => {
  const page = await staffPage(browser, "admin");
  const rows = await queueOf(page, holder.email);
  await rows.filter({ hasText: "Send me my data to take elsewhere" }).getByRole("link").click();
  await expect(page.getByRole("heading", { name: /^Request PR-/, level: 1 })).toBeVisible();
  const reference = await referenceOf(page);

  await page.getByLabel("Reason for the extension").fill("Busy.");
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText("Write at least one full sentence")).toBeVisible();
  const reason = "Your printers' history is spread over three systems that we search by hand.";
  await page.getByLabel("Reason for the extension").fill(reason);
  await page.getByRole("button", { name: "Extend the deadline" }).click();
  await expect(page.getByText("it cannot be extended again")).toBeVisible();
  const details = page.getByRole("region", { name: "Details" });
  await expect(details).toContainText("Extended");
  await expect(details).toContainText(reason);
  const mail = await waitForMail(holder.email, { subject: /We need more time/ });
  expect(mail.text).toContain(reason);

  // The holder's tracker shows the new due date's reason and the event.
  const seen = await holderTimeline(holderPage, reference);
  await expect(seen).toContainText("Deadline extended");
  await expect(holderPage.getByText(reason).first()).toBeVisible();
});

test("the request pages are not found for holders, and ask visitors to sign in", async ({
  page,
  holder,
  browser,
}) => {
  expect(holder.email).toBeTruthy();
  for (const path of ["/support/requests", `/support/requests/${randomUUID()}`]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto("/support/requests");
  await expect(visitor).toHaveURL(/\/sign-in\?next=%2Fsupport%2Frequests/);
});

test("the queue and a request pass axe @phone", async ({ page }) => {
  // The test's own page, so the phone project's screen applies.
  await signIn(page, staff.agent);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/support/requests");
  await expect(page.getByRole("heading", { name: "Request queue", level: 1 })).toBeVisible();
  await expect(page.getByText(/Overdue by \d+ days/).first()).toBeVisible();
  await noAxeViolations(page, "queue");
  await page.getByRole("region", { name: "Requests table" }).getByRole("link").first().click();
  await expect(page.getByRole("heading", { name: /^Request PR-/, level: 1 })).toBeVisible();
  await expect(page.getByLabel("Note for staff")).toBeVisible();
  await noAxeViolations(page, "request");
});

test.describe("far from UTC", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("the request pages hydrate without an error", async ({ page }) => {
    expect(await page.evaluate(() => Intl.DateTimeFormat().resolvedOptions().timeZone)).toBe(
      "Pacific/Auckland",
    );
    await signIn(page, staff.agent);
    await expect(page).toHaveURL(/\/account$/);
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
    await page.goto("/support/requests");
    // Times are in the viewer's zone (the exact UTC time is in their title).
    await expect(page.getByText(/\d{1,2} \w{3} \d{4}, \d\d:\d\d/).first()).toBeVisible();
    await page.waitForLoadState("networkidle");
    await page.getByRole("region", { name: "Requests table" }).getByRole("link").first().click();
    await expect(page.getByLabel("Note for staff")).toBeVisible();
    await page.waitForLoadState("networkidle");
    expect(errors).toEqual([]);
  });
});
