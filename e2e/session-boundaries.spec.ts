import { randomUUID } from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { grantAccess, openAsAgent } from "./fixtures/support";
import { registeredUser, signIn, uniqueIp } from "./fixtures/users";

// Issue 10, findings 6, 7, 12 and 19: what a session may be made to do, and what it shows.

// Each test signs up fresh people (mail round trips, several browsers): give them room.
test.slow();

const agent = { email: "agent@example.com", password: "agent-Support-2026!", name: "Jonas Berger" };
const reason = "The customer cannot find their printer in the list.";

async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  return context.newPage();
}

test("a link on another site cannot start an export; the export page's own button still works", async ({
  page,
  baseURL,
}) => {
  const user = await registeredUser(page, "crosssite");
  // Another site with a link to the export (top-level navigation: the Lax cookie goes along).
  await page.route("http://evil.test/**", (route) =>
    route.fulfill({
      contentType: "text/html",
      body: `<!doctype html><title>Win a printer</title>
        <a href="${baseURL}/api/export?format=json">Claim your prize</a>`,
    }),
  );

  // The page's own button: step-up, then the download (this opens the step-up window). Wait
  // until the fresh sign-in no longer counts (the e2e server's window is 6 s), so the step-up
  // dialog is sure to ask; the probe changes nothing (the step-up refuses before the format).
  await expect
    .poll(async () => (await page.request.get("/api/export?format=pdf")).status(), {
      timeout: 30_000,
      intervals: [500],
    })
    .toBe(401);
  await page.goto("/account/export");
  await page.getByLabel(/^JSON:/).check();
  const downloading = page.waitForEvent("download", { timeout: 60_000 });
  await page.getByRole("button", { name: "Download my data" }).click();
  const dialog = page.getByRole("dialog", { name: "Confirm it is you" });
  await dialog.getByLabel("Your password").fill(user.password);
  await dialog.getByRole("button", { name: "Confirm" }).click();
  await downloading;
  await expect(page.getByRole("status").filter({ hasText: /^Done:/ })).toBeVisible();

  // At once, within the step-up window: the other site's link.
  await page.goto("http://evil.test/");
  const answered = page.waitForResponse((r) => r.url().includes("/api/export"));
  await page.getByRole("link", { name: "Claim your prize" }).click();
  const response = await answered;
  expect(response.status()).toBe(403);
  expect(response.headers()["content-type"]).toBe("application/problem+json");
  expect(response.headers()["content-disposition"]).toBeUndefined();
  expect(await response.json()).toMatchObject({
    type: "about:blank#cross_site",
    status: 403,
    detail: expect.stringContaining("came from another website"),
  });

  // Only the button's export is in the history.
  await page.goto("/account/export");
  const history = page.getByRole("region", { name: "Your earlier exports" });
  await expect(history.getByRole("listitem")).toHaveCount(1);
  await expect(history.getByText(/JSON, Completed/)).toHaveCount(1);
});

test("a support view records the pages it is served whatever headers the agent sends, and next-auth's sign-out ends it", async ({
  browser,
}) => {
  const userPage = await newPage(browser);
  const user = await registeredUser(userPage, "headers");
  const ticket = `SUP-${randomUUID().slice(0, 6)}`;
  await grantAccess(userPage, ticket);

  const agentPage = await newPage(browser);
  await signIn(agentPage, agent);
  await expect(agentPage.getByRole("link", { name: "Support", exact: true })).toBeVisible();
  const ownCookies = await agentPage.context().cookies();
  await openAsAgent(agentPage, user.email, ticket, reason);

  // Finding 6: requests that say they are an action or a prefetch are served in full…
  const disguised: { path: string; headers: Record<string, string> }[] = [
    { path: "/account/profile", headers: { "next-action": "0123456789abcdef" } },
    { path: "/account/security", headers: { "sec-purpose": "prefetch" } },
    { path: "/account/data/printers", headers: { "sec-purpose": "prefetch;prerender" } },
  ];
  for (const { path, headers } of disguised) {
    const response = await agentPage.request.get(path, { headers, maxRedirects: 0 });
    expect(response.status(), path).toBe(200);
    expect(await response.text(), path).toContain(user.name);
  }

  // Finding 7: next-auth's own sign-out, with its CSRF token, as a script could call it.
  const { csrfToken } = (await (await agentPage.request.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const signedOut = await agentPage.request.post("/api/auth/signout", {
    form: { csrfToken, json: "true" },
  });
  expect(signedOut.ok()).toBe(true);

  // …and the holder sees every one of them, and the view ended by the agent.
  await userPage.goto("/account/staff-access");
  const visit = userPage.getByRole("article").first();
  await expect(visit).toContainText(agent.name);
  for (const { path } of disguised) await expect(visit).toContainText(path);
  await expect(visit).toContainText("the agent ended the view");

  // Signing out of the view signed the agent out: their own session is over too.
  const own = await browser.newContext();
  await own.addCookies(ownCookies);
  const ownPage = await own.newPage();
  await ownPage.goto("/support");
  await expect(ownPage).toHaveURL(/\/sign-in/);
  await own.close();
});

test("a browser signed out from elsewhere stops showing 'Your data' and 'Sign out' on its next click", async ({
  page,
  browser,
}) => {
  const user = await registeredUser(page, "header");
  const header = page.getByRole("navigation", { name: "Main" });
  await expect(header.getByRole("link", { name: "Your data" })).toBeVisible();
  await expect(header.getByRole("button", { name: "Sign out" })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await signIn(otherPage, user);
  await expect(otherPage).toHaveURL(/\/account$/);
  await otherPage.goto("/account/security");
  await otherPage.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(otherPage.getByText(/Signed out 1 other session/)).toBeVisible();
  await other.close();

  // A client navigation to a public page: the root layout is not rendered again.
  await header.getByRole("link", { name: "How we use data" }).click();
  await expect(page).toHaveURL(/\/policy$/);
  await expect(header.getByRole("link", { name: "Sign in", exact: true })).toBeVisible();
  await expect(header.getByRole("link", { name: "Your data" })).toHaveCount(0);
  await expect(header.getByRole("button", { name: "Sign out" })).toHaveCount(0);
});
