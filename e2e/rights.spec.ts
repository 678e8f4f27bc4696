import { randomUUID } from "node:crypto";
import AxeBuilder from "@axe-core/playwright";
import type { Browser, Page } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import { alertBox, expect, registeredUser, signIn, staff, test, uniqueIp } from "./fixtures/users";

// Sign-ups, several browsers and axe on a machine shared with other builds: allow for it.
test.describe.configure({ timeout: 180_000 });

async function noAxeViolations(page: Page, what: string) {
  const result = await new AxeBuilder({ page }).analyze();
  expect(result.violations.map((v) => `${what}: ${v.id}: ${v.help}`)).toEqual([]);
}

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  return context.newPage();
}

/** Every mail the test mail server holds for `to` (see e2e/fixtures/mailbox.ts). */
async function allMailTo(to: string): Promise<{ subject: string }[]> {
  const port = process.env.E2E_MAIL_HTTP_PORT ?? 3199;
  const res = await fetch(`http://127.0.0.1:${port}/messages?to=${encodeURIComponent(to)}`);
  return (await res.json()) as { subject: string }[];
}

const hubActions: [string, RegExp][] = [
  ["Get a copy of your data", /\/account\/export$/],
  ["Correct your details", /\/account\/profile$/],
  ["Restrict or object", /\/account\/processing$/],
  ["Complain", /\/account\/complaint$/],
];

test("the rights hub on /account shows every action, and the built ones work @phone", async ({
  page,
  account,
}) => {
  void account;
  const hub = page.getByRole("region", { name: "Your rights" });
  for (const name of [
    "Get a copy of your data",
    "Correct your details",
    "Delete my account",
    "Delete some of your data",
    "Restrict or object",
    "Withdraw consent",
    "Ask something else",
    "Complain",
  ]) {
    await expect(hub.getByRole("link", { name, exact: true })).toBeVisible();
  }
  await expect(hub.getByRole("link", { name: "Delete my account" })).toHaveAttribute(
    "href",
    "/account/delete",
  );
  await expect(hub.getByText("You have no open requests.")).toBeVisible();
  await expect(hub.getByRole("link", { name: "See all your requests" })).toHaveAttribute(
    "href",
    "/account/requests",
  );
  // Nothing sticks out sideways, at a phone's width or a desktop's.
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
    await page.evaluate(() => window.innerWidth),
  );
  await noAxeViolations(page, "/account");
  for (const [name, url] of hubActions) {
    await page.goto("/account");
    await hub.getByRole("link", { name, exact: true }).click();
    await expect(page).toHaveURL(url);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  }
});

test("the hub fits 320 px", async ({ page, account }) => {
  void account;
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto("/account");
  await expect(page.getByRole("link", { name: "Complain", exact: true })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
});

test("restrict, see it, lift it; the history shows both @phone", async ({ page, account }) => {
  void account;
  await page.goto("/account/processing");
  await expect(page.getByRole("heading", { level: 1, name: "Restrict or object" })).toBeVisible();
  const restrict = page.getByRole("switch", { name: "Restrict print jobs" });
  await expect(restrict).not.toBeChecked();
  await expect(page.getByText("Nothing switched yet.")).toBeVisible();
  await noAxeViolations(page, "/account/processing");

  await restrict.check();
  await expect(page.getByText("Restrict print jobs: on")).toBeVisible();
  const history = page.getByRole("list", { name: "History of your restrictions and objections" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history).toContainText("Still active");
  await page.reload();
  await expect(restrict).toBeChecked();

  await restrict.uncheck();
  await expect(page.getByText("Restrict print jobs: off")).toBeVisible();
  await expect(history).toContainText(/Lifted .+ by you/);
  await expect(history).toContainText(/Started .+ by you/);
  await page.reload();
  await expect(restrict).not.toBeChecked();

  // An objection that cannot simply stop is said to be weighed, not promised away.
  await expect(
    page.getByRole("switch", { name: "Object to our use of sign-in activity" }),
  ).toHaveAccessibleDescription(/staff to weigh/);
  await noAxeViolations(page, "/account/processing after switching");
});

test("a holder who restricts marketing gets no campaign; another subscriber does", async ({
  browser,
}) => {
  const subscribe = async () => {
    const page = await newPage(browser);
    const user = await registeredUser(page, "campaign");
    await page.goto("/account/preferences");
    await page.getByLabel("Send me the newsletter").check();
    await page.getByLabel("Software updates").check();
    await page.getByRole("button", { name: "Save preferences" }).click();
    await expect(page.getByText("We sent you an email")).toBeVisible();
    const mail = await waitForMail(user.email, { subject: /confirm your subscription/ });
    await page.goto(extractLink(mail.text, "/newsletter/confirm"));
    await page.getByRole("button", { name: "Yes, send me the newsletter" }).click();
    await expect(page.getByText("your subscription is confirmed")).toBeVisible();
    return { page, user };
  };
  const restricted = await subscribe();
  const other = await subscribe();

  await restricted.page.goto("/account/processing");
  await restricted.page.getByRole("switch", { name: "Restrict marketing email" }).check();
  await expect(restricted.page.getByText("Restrict marketing email: on")).toBeVisible();

  const admin = await newPage(browser);
  await signIn(admin, staff.admin);
  await expect(admin).toHaveURL(/\/account$/);
  await admin.goto("/admin/campaigns");
  const subject = `Rights test ${randomUUID().slice(0, 8)}`;
  await admin.getByLabel("Campaign name (e.g. 2026-11-news)").fill(`rights-${Date.now()}`);
  await admin.getByLabel("Topic").selectOption("software_updates");
  await admin.getByLabel("Subject").fill(subject);
  await admin.getByLabel("Text (blank lines separate paragraphs)").fill("Something new.");
  await admin.getByLabel("Link address").fill("https://ultimaker.com/software");
  await admin.getByLabel("Link text").fill("Read more");
  await admin.getByRole("button", { name: "Send campaign" }).click();
  await expect(admin.getByText(/Queued for \d+ confirmed subscribers/)).toBeVisible();

  await waitForMail(other.user.email, { subject: new RegExp(subject) });
  // The campaign's mail is flushed in one go: the other copy has arrived, so this one would have.
  expect((await allMailTo(restricted.user.email)).map((m) => m.subject)).not.toContain(subject);
});

test("the dossier lists a seeded request with our answer; another holder sees none of it", async ({
  page,
  holder,
  browser,
}) => {
  void holder;
  await page.goto("/account/complaint");
  await expect(page.getByRole("heading", { level: 1, name: "Complain" })).toBeVisible();
  await expect(page.getByText("Autoriteit Persoonsgegevens").first()).toBeVisible();
  await noAxeViolations(page, "/account/complaint");
  await page.getByRole("link", { name: "Open your dossier of requests" }).click();
  await expect(page).toHaveURL(/\/account\/complaint\/dossier$/);
  const seeded = "Please send me a copy of everything you hold about me";
  await expect(page.getByText(seeded)).toBeVisible();
  await expect(
    page.getByText("Export of all categories made available for download"),
  ).toBeVisible();
  await expect(page.getByRole("button", { name: "Print" })).toBeVisible();
  await noAxeViolations(page, "/account/complaint/dossier");

  const [download] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Download as HTML" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^privacy-requests-dossier-\d{4}-\d\d-\d\d\.html$/);
  const file = await download.createReadStream();
  const chunks: Buffer[] = [];
  for await (const c of file) chunks.push(c as Buffer);
  expect(Buffer.concat(chunks).toString("utf8")).toContain(seeded);

  const otherPage = await newPage(browser);
  await registeredUser(otherPage, "other");
  await otherPage.goto("/account/complaint/dossier");
  await expect(otherPage.getByText("You have made no privacy requests")).toBeVisible();
  await expect(otherPage.getByText(seeded)).toHaveCount(0);
  const res = await otherPage.request.get("/api/complaint/dossier");
  expect(await res.text()).not.toContain(seeded);
  const anonymous = await (
    await browser.newContext()
  ).request.get(new URL("/api/complaint/dossier", page.url()).toString());
  expect(anonymous.status()).toBe(401);
});

test("new pages pass axe on a phone @phone", async ({ page, account }) => {
  void account;
  for (const path of [
    "/account",
    "/account/processing",
    "/account/complaint",
    "/account/complaint/dossier",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
    await noAxeViolations(page, path);
  }
});

test("a read-only support session cannot switch anything", async ({ browser }) => {
  const userPage = await newPage(browser);
  const user = await registeredUser(userPage, "ro");
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await userPage.goto("/account/support-access");
  await userPage.getByLabel("Ticket reference").fill(ticket);
  await userPage.getByRole("button", { name: "Give access" }).click();
  await expect(
    userPage.getByText(`Support may look at your account for ticket ${ticket}`),
  ).toBeVisible();

  const agentPage = await newPage(browser);
  await signIn(agentPage, staff.agent);
  await expect(agentPage).toHaveURL(/\/account$/);
  await agentPage.goto(`/support?q=${encodeURIComponent(user.email)}`);
  await agentPage.getByRole("link", { name: user.name }).click();
  await agentPage.getByLabel("Ticket reference").fill(ticket);
  await agentPage
    .getByLabel("Why you need to look")
    .fill("Checking the restriction settings the customer asked about.");
  await agentPage.getByRole("button", { name: "Open read-only view" }).click();
  await expect(agentPage).toHaveURL(/\/account$/);

  await agentPage.goto("/account/processing");
  // click, not check(): the switch moves at once and moves back when the server refuses, and
  // check() would fail on a refusal that comes back before it looks.
  await agentPage.getByRole("switch", { name: "Restrict marketing email" }).click();
  await expect(alertBox(agentPage)).toContainText("read-only support session");
  await agentPage.reload();
  await expect(
    agentPage.getByRole("switch", { name: "Restrict marketing email" }),
  ).not.toBeChecked();

  await userPage.goto("/account/processing");
  await expect(userPage.getByText("Nothing switched yet.")).toBeVisible();
});

test.describe("far from UTC", () => {
  test.use({ timezoneId: "Pacific/Auckland" });

  test("the new pages hydrate without errors", async ({ page, holder }) => {
    void holder;
    const errors: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (e) => errors.push(`page: ${e.message}`));
    // Something dated on the processing page and in the dossier (the holder's seeded requests).
    await page.goto("/account/processing");
    await page.getByRole("switch", { name: "Restrict diagnostics" }).check();
    await expect(page.getByText("Restrict diagnostics: on")).toBeVisible();
    for (const path of [
      "/account",
      "/account/processing",
      "/account/complaint",
      "/account/complaint/dossier",
    ]) {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
      await page.waitForLoadState("networkidle");
      expect(errors, path).toEqual([]);
    }
  });
});
