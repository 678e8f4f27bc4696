import { randomUUID } from "node:crypto";
import { expect, test } from "./fixtures/users";
import { grantAccess, openAsAgent } from "./fixtures/support";
import { firstLink, Sweep } from "./fixtures/sweep";
import { signIn, staff } from "./fixtures/users";

/**
 * The "Done when", over every page (find app -name page.tsx): in a browser whose clock
 * is on the other side of the world, no console or hydration error, no sideways scroll at 320,
 * 390 and 1280 px, and axe clean at 390 and 1280 in English and at 1280 in Dutch. One test per
 * role and language, each listing every problem it met (expect.soft), not stopping at the first.
 */
test.use({ timezoneId: "Pacific/Auckland" });
test.describe.configure({ timeout: 300_000 });

const TOKEN = "not-a-real-token";

const publicPages = [
  "/",
  "/policy",
  "/developers/api",
  "/requests/new",
  `/requests/verify?token=${TOKEN}`,
  `/keep-account?token=${TOKEN}`,
  `/newsletter/confirm?token=${TOKEN}`,
  `/unsubscribe?token=${TOKEN}`,
  "/sign-in",
  "/sign-up",
  "/forgot-password",
  `/reset-password?token=${TOKEN}`,
  `/verify-email?token=${TOKEN}`,
  `/confirm-email-change?token=${TOKEN}`,
];

const accountPages = [
  "/account",
  "/account/profile",
  "/account/security",
  "/account/preferences",
  "/account/consents",
  "/account/processing",
  "/account/export",
  "/account/requests",
  "/account/requests/new",
  "/account/support-access",
  "/account/staff-access",
  "/account/delete-data",
  "/account/delete",
  "/account/complaint",
  "/account/complaint/dossier",
  "/account/data/print-jobs",
  "/account/data/printers",
  "/account/data/cura-configuration",
  "/account/data/diagnostics",
  "/account/data/login-activity",
  "/account/data/access-tokens",
  "/account/data/cookie-consents",
  "/account/data/marketing",
  "/account/data/privacy-requests",
  "/account/data/staff-access",
  "/account/data/disclosures",
];

/** Detail pages are reached through the first link on their list, as a person reaches them. */
const detailPages: [list: string, link: RegExp][] = [
  ["/account/data/print-jobs", /^\/account\/data\/print-jobs\/[0-9a-f-]{36}$/],
  ["/account/data/printers", /^\/account\/data\/printers\/[0-9a-f-]{36}$/],
  ["/account/data/cura-configuration", /^\/account\/data\/cura-configuration\/[0-9a-f-]{36}$/],
  ["/account/data/cura-configuration", /^\/account\/data\/cura-configuration\/compare\?/],
  ["/account/data/diagnostics", /^\/account\/data\/diagnostics\/[0-9a-f-]{36}$/],
  ["/account/requests", /^\/account\/requests\/(?!new)[^/?]+$/],
];

async function sweepAccount(
  sweep: Sweep,
  page: import("@playwright/test").Page,
  pages: string[],
  details: [string, RegExp][],
  axeAt: number[],
) {
  for (const url of pages) await sweep.visit(url, { axeAt });
  for (const [list, pattern] of details) {
    await page.goto(list);
    const href = await firstLink(page, pattern);
    if (href) await sweep.visit(href, { axeAt });
    else sweep.problems.push(`[note] no link like ${pattern} on ${list} (no data to open)`);
  }
}

async function switchToDutch(page: import("@playwright/test").Page) {
  await page.getByRole("button", { name: "Nederlands" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
}

/** Staff accounts are shared: their language goes back to English when the test is done. */
async function switchBackToEnglish(page: import("@playwright/test").Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
}

test("every public and sign-in page, signed out, in English", async ({ page }, testInfo) => {
  const sweep = new Sweep(page, "public en", testInfo);
  for (const url of publicPages) await sweep.visit(url);
  await sweep.visit(`/requests/track/${TOKEN}`, { expect404: true });
  expect.soft(sweep.problems).toEqual([]);
});

test("every public and sign-in page, signed out, in Dutch", async ({ page }, testInfo) => {
  const sweep = new Sweep(page, "public nl", testInfo);
  await page.goto("/");
  await switchToDutch(page);
  for (const url of publicPages) await sweep.visit(url, { axeAt: [1280] });
  expect.soft(sweep.problems).toEqual([]);
});

// The account pages in two halves (settings, then data), so two workers share them.
const halves = {
  "settings and rights": accountPages.filter((p) => !p.startsWith("/account/data/")),
  "data categories and detail": accountPages.filter((p) => p.startsWith("/account/data/")),
};

for (const [half, pages] of Object.entries(halves)) {
  const details = half.startsWith("data")
    ? detailPages.filter(([l]) => l.includes("/data/"))
    : detailPages.filter(([l]) => !l.includes("/data/"));
  for (const language of ["en", "nl"] as const) {
    test(`the account's ${half} pages of a holder with data, in ${language === "en" ? "English" : "Dutch"}`, async ({
      page,
      holder,
    }, testInfo) => {
      expect(holder.email).toBeTruthy();
      const sweep = new Sweep(page, `account ${half.split(" ")[0]} ${language}`, testInfo);
      if (language === "nl") await switchToDutch(page);
      await sweepAccount(sweep, page, pages, details, language === "en" ? [390, 1280] : [1280]);
      expect.soft(sweep.problems.filter((p) => !p.startsWith("[note]"))).toEqual([]);
    });
  }
}

test("the support console, a support view and the admin pages, in English and Dutch", async ({
  page,
  holder,
  browser,
}, testInfo) => {
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await grantAccess(page, ticket);
  const problems: string[] = [];

  for (const language of ["en", "nl"] as const) {
    const axeAt = language === "en" ? [390, 1280] : [1280];
    const agentContext = await browser.newContext({
      timezoneId: "Pacific/Auckland",
      extraHTTPHeaders: { "x-forwarded-for": `198.51.100.${language === "en" ? 11 : 12}` },
    });
    const agent = await agentContext.newPage();
    const sweep = new Sweep(agent, `support ${language}`, testInfo);
    await signIn(agent, staff.agent);
    await expect(agent).toHaveURL(/\/account$/);
    if (language === "nl") await switchToDutch(agent);
    await sweep.visit("/support", { axeAt });
    await sweep.visit(`/support?q=${encodeURIComponent(holder.email)}`, { axeAt });
    const accountHref = await firstLink(agent, /^\/support\/accounts\/[0-9a-f-]{36}$/);
    if (accountHref) await sweep.visit(accountHref, { axeAt });
    await sweep.visit("/support/requests", { axeAt });
    const requestHref = await firstLink(agent, /^\/support\/requests\/[^/?]+$/);
    if (requestHref) await sweep.visit(requestHref, { axeAt });

    if (language === "en") {
      // The holder's pages as the agent sees them: banner on top, every form disabled.
      await openAsAgent(agent, holder.email, ticket, "Checking the sweep of every page.");
      for (const url of ["/account", "/account/profile", "/account/security", "/account/export"]) {
        await sweep.visit(url, { axeAt });
      }
      await agent.getByRole("button", { name: "End session" }).click();
      await expect(agent).toHaveURL(/\/support$/);
    }
    if (language === "nl") await switchBackToEnglish(agent);
    problems.push(...sweep.problems);
    await agentContext.close();

    const adminContext = await browser.newContext({
      timezoneId: "Pacific/Auckland",
      extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${language === "en" ? 21 : 22}` },
    });
    const admin = await adminContext.newPage();
    const adminSweep = new Sweep(admin, `admin ${language}`, testInfo);
    await signIn(admin, staff.admin);
    await expect(admin).toHaveURL(/\/account$/);
    if (language === "nl") await switchToDutch(admin);
    for (const url of ["/admin/audit", "/admin/campaigns", "/admin/mailbox"]) {
      await adminSweep.visit(url, { axeAt });
    }
    if (language === "nl") await switchBackToEnglish(admin);
    problems.push(...adminSweep.problems);
    await adminContext.close();
  }
  expect.soft(problems).toEqual([]);
});
