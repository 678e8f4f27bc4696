import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { waitForMail } from "./fixtures/mailbox";
import { grantAccess, openAsAgent } from "./fixtures/support";
import { alertBox, registeredUser, signIn, uniqueIp } from "./fixtures/users";

const agent = { email: "agent@example.com", password: "agent-Support-2026!", name: "Jonas Berger" };
const admin = { email: "admin@example.com", password: "admin-Privacy-2026!" };
const reason = "The customer says last week's print jobs are missing from their history.";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  return context.newPage();
}

test("an agent helps through a read-only view the user granted, and the user sees all of it", async ({
  browser,
}) => {
  const userPage = await newPage(browser);
  const user = await registeredUser(userPage, "granter");
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  const agentPage = await newPage(browser);
  await signIn(agentPage, agent);
  await expect(agentPage.getByRole("link", { name: "Support", exact: true })).toBeVisible();

  // No grant: the console says so and offers no way in.
  await agentPage.goto(`/support?q=${encodeURIComponent(user.email)}`);
  await expect(agentPage.getByRole("row", { name: new RegExp(user.name) })).toContainText(
    "Not granted",
  );

  await grantAccess(userPage, ticket);
  const started = new Date();
  await openAsAgent(agentPage, user.email, ticket, reason);

  const banner = agentPage.getByRole("region", { name: "Support view" });
  await expect(banner).toContainText(`Support view of ${user.name}`);
  await expect(banner.getByRole("timer")).toHaveText(/^(59|60):\d\d left$/);
  await expect(
    agentPage.getByText(`You are viewing the account of ${user.name} for support`),
  ).toBeVisible();

  await expect(banner).toContainText(`opened by ${agent.name}`);
  await expect(agentPage.getByRole("heading", { level: 1 })).not.toContainText("Hello");

  // The user's pages are visible, and their forms say at once that they cannot be used.
  await agentPage.getByRole("link", { name: "Your profile", exact: true }).click();
  const name = agentPage.getByLabel("Name", { exact: true });
  await expect(name).toHaveValue(user.name);
  await expect(name).toBeDisabled();
  const save = agentPage.getByRole("button", { name: "Save profile" });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription(
    `Read-only: you are viewing ${user.name}'s account as support`,
  );
  // The banner stays in view while the page scrolls.
  await agentPage.mouse.wheel(0, 2000);
  await expect(banner).toBeInViewport();
  // A page tampered with in the browser is still refused by the server.
  await agentPage.evaluate(() =>
    document.querySelectorAll("input:disabled, button:disabled").forEach((e) => {
      e.removeAttribute("disabled");
    }),
  );
  await name.fill("Changed By Support");
  await save.click();
  await expect(alertBox(agentPage)).toContainText("read-only support session");
  await agentPage.goto("/account/security");
  await expect(banner).toBeVisible();

  const mail = await waitForMail(user.email, {
    subject: /support agent is viewing/,
    after: started,
  });
  expect(mail.text).toContain(ticket);
  expect(mail.text).toContain("/account/staff-access");

  await banner.getByRole("button", { name: "End session" }).click();
  await expect(agentPage).toHaveURL(/\/support$/);
  await expect(agentPage.getByRole("region", { name: "Support view" })).toHaveCount(0);
  await expect(agentPage.getByRole("heading", { name: "Support console" })).toBeVisible();

  await userPage.goto("/account/staff-access");
  const visit = userPage.getByRole("article").first();
  await expect(visit).toContainText(agent.name);
  await expect(visit).toContainText(ticket);
  await expect(visit).toContainText(reason);
  await expect(visit).toContainText("/account/profile");
  await expect(visit).toContainText("/account/security");
  await expect(visit).toContainText("Tried to change your profile");
  // Links the router merely prefetched (the account menu) were not viewed.
  await expect(visit).not.toContainText("/account/support-access");
  await expect(visit).toContainText("the agent ended the view");
  await userPage.goto("/account/profile");
  await expect(userPage.getByLabel("Name", { exact: true })).toHaveValue(user.name);
  // The agent's browser is not in the user's sign-in history.
  await userPage.goto("/account/security");
  await expect(userPage.getByText("Support view")).toHaveCount(0);
});

test("withdrawing the grant ends an open view on its next request", async ({ browser }) => {
  const userPage = await newPage(browser);
  const user = await registeredUser(userPage, "withdraw");
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await grantAccess(userPage, ticket);
  const agentPage = await newPage(browser);
  await signIn(agentPage, agent);
  await expect(agentPage).toHaveURL(/\/account$/);
  await openAsAgent(agentPage, user.email, ticket, reason);

  await userPage.goto("/account/support-access");
  await userPage.getByRole("button", { name: `Withdraw access for ticket ${ticket}` }).click();
  await expect(
    userPage.getByText(`no longer look at your account for ticket ${ticket}`),
  ).toBeVisible();

  await agentPage.goto("/account/profile");
  await expect(agentPage).toHaveURL(/\/sign-in/);
  await userPage.goto("/account/staff-access");
  await expect(userPage.getByRole("article").first()).toContainText("you withdrew the access");
});

test("the console and the admin pages are not found for those who may not use them", async ({
  browser,
}) => {
  const userPage = await newPage(browser);
  await registeredUser(userPage, "plain");
  for (const path of ["/support", "/admin/audit", "/admin/mailbox"]) {
    const response = await userPage.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(userPage.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
  await expect(userPage.getByRole("link", { name: "Support", exact: true })).toHaveCount(0);

  const agentPage = await newPage(browser);
  await signIn(agentPage, agent);
  await expect(agentPage).toHaveURL(/\/account$/);
  await expect(agentPage.getByRole("link", { name: "Admin", exact: true })).toHaveCount(0);
  const response = await agentPage.goto("/admin/audit");
  expect(response?.status()).toBe(404);
});

test("an admin verifies the audit chain and reads the log", async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await signIn(page, admin);
  await expect(page).toHaveURL(/\/account$/);
  await page.getByRole("link", { name: "Admin", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Audit log" })).toBeVisible();
  await page.getByLabel("Action").fill("auth.sign_in");
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByRole("cell", { name: "auth.sign_in" }).first()).toBeVisible();
  await page.getByRole("button", { name: "Verify the chain" }).click();
  await expect(page.getByText(/The chain is intact: [\d,]+ events checked/)).toBeVisible();
});
