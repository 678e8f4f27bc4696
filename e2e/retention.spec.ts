import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { grantAccess, openAsAgent } from "./fixtures/support";
import { expect, registeredUser, signIn, staff, test, uniqueIp } from "./fixtures/users";

const PRINT_JOBS = "/account/data/print-jobs";
const reason = "The customer asks whether their auto-delete choice for print jobs was saved.";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  return context.newPage();
}

/** Chooses 3 months for print jobs on the page's holder and waits for the saved message. */
async function chooseThreeMonths(page: Page) {
  await page.goto(PRINT_JOBS);
  const section = page.getByRole("region", { name: "Auto-delete" });
  const group = section.getByRole("group", { name: "How long to keep items" });
  await expect(group.getByRole("radio", { name: /Keep for the standard period/ })).toBeChecked();
  // 36 months is the catalog's own 3 years: not offered.
  await expect(group.getByRole("radio")).toHaveCount(3);
  await group.getByRole("radio", { name: "Delete items older than 3 months" }).check();
  await section.getByRole("button", { name: "Save auto-delete" }).click();
  await expect(section.getByRole("status")).toHaveText(
    "Saved: items older than 3 months will be deleted.",
  );
}

const whyPanel = (page: Page) => page.getByRole("region", { name: "Why we have this" });

test("a holder sets auto-delete for print jobs to 3 months and the why-panel says so, on a phone too", async ({
  holder: _,
  page,
}) => {
  await page.goto(PRINT_JOBS);
  await expect(whyPanel(page)).toContainText("3 years after the print, then deleted.");
  await expect(whyPanel(page)).not.toContainText("your auto-delete choice");

  await chooseThreeMonths(page);
  await expect(whyPanel(page)).toContainText("3 months, then deleted: your auto-delete choice.");
  await expect(whyPanel(page)).toContainText("Without it: 3 years after the print");
  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await page.setViewportSize({ width: 390, height: 844 });
  await page.reload();
  await expect(whyPanel(page)).toContainText("3 months, then deleted: your auto-delete choice.");
  await expect(page.getByRole("radio", { name: "Delete items older than 3 months" })).toBeChecked();
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);

  // And back to the standard period.
  await page.getByRole("radio", { name: /Keep for the standard period/ }).check();
  await page.getByRole("button", { name: "Save auto-delete" }).click();
  await expect(page.getByRole("region", { name: "Auto-delete" }).getByRole("status")).toHaveText(
    "Saved: we keep these items for the standard period.",
  );
  await expect(whyPanel(page)).not.toContainText("your auto-delete choice");
});

test("an agent in a support view sees the holder's auto-delete choice, read-only", async ({
  browser,
}) => {
  const userPage = await newPage(browser);
  const user = await registeredUser(userPage, "autodelete");
  await chooseThreeMonths(userPage);
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await grantAccess(userPage, ticket);

  const agentPage = await newPage(browser);
  await signIn(agentPage, staff.agent);
  await expect(agentPage.getByRole("link", { name: "Support", exact: true })).toBeVisible();
  await openAsAgent(agentPage, user.email, ticket, reason);
  await agentPage.goto(PRINT_JOBS);
  await expect(whyPanel(agentPage)).toContainText(
    "3 months, then deleted: your auto-delete choice.",
  );
  const section = agentPage.getByRole("region", { name: "Auto-delete" });
  await expect(section).toContainText("Current choice: delete after 3 months");
  await expect(section).toContainText("read-only support view");
  await expect(section.getByRole("radio")).toHaveCount(0);
  await expect(section.getByRole("button", { name: "Save auto-delete" })).toHaveCount(0);
});
