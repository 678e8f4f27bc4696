import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { registeredUser, signIn, uniqueIp } from "./fixtures/users";

async function noAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
}

test("support access pages, the console, the banner and the audit page pass axe @phone", async ({
  browser,
}) => {
  test.setTimeout(150_000); // three people sign in, and axe runs on seven pages
  const headers = () => ({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const userPage = await (await browser.newContext(headers())).newPage();
  const user = await registeredUser(userPage, "a11y");
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await userPage.goto("/account/support-access");
  await userPage.getByLabel("Ticket reference").fill(ticket);
  await userPage.getByRole("button", { name: "Give access" }).click();
  await expect(
    userPage.getByRole("button", { name: `Withdraw access for ticket ${ticket}` }),
  ).toBeVisible();
  await noAxeViolations(userPage, "support-access");

  const agentPage = await (await browser.newContext(headers())).newPage();
  await signIn(agentPage, { email: "agent@example.com", password: "agent-Support-2026!" });
  await expect(agentPage).toHaveURL(/\/account$/);
  await agentPage.goto(`/support?q=${encodeURIComponent(user.email)}`);
  await noAxeViolations(agentPage, "console");
  await agentPage.getByRole("link", { name: user.name }).click();
  await expect(agentPage.getByLabel("Why you need to look")).toBeVisible();
  await noAxeViolations(agentPage, "open");
  await agentPage.getByLabel("Ticket reference").fill(ticket);
  await agentPage
    .getByLabel("Why you need to look")
    .fill("Checking the account settings the customer asked about.");
  // Keyboard only: submit from the reason field.
  await agentPage.getByRole("button", { name: "Open read-only view" }).focus();
  await agentPage.keyboard.press("Enter");
  await expect(agentPage.getByRole("region", { name: "Support view" })).toBeVisible();
  await noAxeViolations(agentPage, "banner");
  await agentPage.getByRole("button", { name: "End session" }).focus();
  await agentPage.keyboard.press("Enter");
  await expect(agentPage).toHaveURL(/\/support$/);

  await userPage.goto("/account/staff-access");
  await expect(userPage.getByRole("article").first()).toBeVisible();
  await noAxeViolations(userPage, "staff-access");

  const adminPage = await (await browser.newContext(headers())).newPage();
  await signIn(adminPage, { email: "admin@example.com", password: "admin-Privacy-2026!" });
  await expect(adminPage).toHaveURL(/\/account$/);
  await adminPage.goto("/admin/audit");
  await noAxeViolations(adminPage, "audit");
  await adminPage.goto("/admin/mailbox");
  await noAxeViolations(adminPage, "mailbox");
});
