import { expect, test } from "@playwright/test";
import { extractLink, waitForMail } from "./fixtures/mailbox";
import {
  alertBox,
  newUser,
  registeredUser,
  signIn,
  signOut,
  signUp,
  uniqueIp,
  verifyByMail,
} from "./fixtures/users";

// Each test comes from its own address (the e2e server trusts X-Forwarded-For from loopback),
// so the per-IP throttle of one test never blocks another.
test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("sign-up, mail over SMTP, link, sign-in — and the link works only once", async ({ page }) => {
  const user = newUser("signup");
  await signUp(page, user);

  // Not usable before the link is followed.
  await signIn(page, user);
  await expect(alertBox(page)).toContainText("confirm your email address first");

  const mail = await waitForMail(user.email, { subject: /Confirm your email/ });
  const link = extractLink(mail.text, "/verify-email");
  await verifyByMail(page, user);

  await page.goto(link);
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(alertBox(page)).toContainText("already been used");

  await page.goto("/verify-email?token=made-up-token-that-does-not-exist");
  await page.getByRole("button", { name: "Confirm my email address" }).click();
  await expect(alertBox(page)).toContainText("not valid");

  await signIn(page, user);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText(`Signed in as ${user.name}`)).toBeVisible();
});

test("wrong password and unknown email get the same answer, and attempts are recorded", async ({
  page,
  context,
}) => {
  const ip = uniqueIp();
  await context.setExtraHTTPHeaders({ "x-forwarded-for": ip });
  const user = await registeredUser(page, "history");
  await signOut(page);

  await signIn(page, { email: user.email, password: "Not-The-Right-Password-1" });
  await expect(alertBox(page)).toBeVisible();
  const wrong = await alertBox(page).textContent();
  await signIn(page, {
    email: `nobody-${Date.now()}@example.test`,
    password: "Whatever-Password-2",
  });
  await expect(alertBox(page)).toBeVisible();
  const unknown = await alertBox(page).textContent();
  expect(wrong).toBeTruthy();
  expect(unknown).toBe(wrong);

  await signIn(page, user);
  // Wait for the sign-in to land: navigating away at once cancels its request.
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/security");
  const history = page.getByRole("list", { name: "Sign-in attempts, newest first" });
  await expect(
    history.getByRole("listitem").filter({ hasText: "Wrong password" }).first(),
  ).toContainText(ip);
  const current = history.getByRole("listitem").filter({ hasText: "this session" });
  await expect(current).toContainText(ip);
  await expect(current).toContainText("Chrome");
});

test("the throttle engages after repeated failures and releases later", async ({ page }) => {
  test.setTimeout(180_000);
  const user = await registeredUser(page, "throttle");
  await signOut(page);
  for (let i = 0; i < 5; i++) {
    await signIn(page, { email: user.email, password: `Wrong-Password-${i}-xyz` });
    await expect(alertBox(page)).toBeVisible();
  }
  // Now even the right password is refused for a while, with a time to try again.
  await signIn(page, user);
  await expect(alertBox(page)).toContainText("Too many attempts");
  await expect(alertBox(page)).toContainText(/try again after \d\d:\d\d:\d\d UTC\./);
  // The message names the time; tries before it are refused without counting, so the test
  // tries as a person would until the right password works again.
  await expect(async () => {
    await signIn(page, user);
    await expect(page).toHaveURL(/\/account$/, { timeout: 10_000 });
  }).toPass({ timeout: 120_000, intervals: [1_000, 2_000] });
});

test("a revoked session's cookie, replayed, reads nothing", async ({ page, browser }) => {
  const user = await registeredUser(page, "revoke");
  const stolen = await page.context().cookies();

  const other = await browser.newContext();
  await other.addCookies(stolen);
  const replay = await other.newPage();
  await replay.goto("/account/profile");
  await expect(replay.getByLabel("Name")).toHaveValue(user.name); // the copy works… for now

  // A second sign-in of our own, from which we end every other session.
  const mine = await browser.newContext();
  const minePage = await mine.newPage();
  await signIn(minePage, user);
  await expect(minePage).toHaveURL(/\/account$/);
  await minePage.goto("/account/security");
  await minePage.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(minePage.getByText(/Signed out 1 other session/)).toBeVisible();

  for (const path of ["/account", "/account/profile", "/account/security"]) {
    const response = await replay.goto(path);
    await expect(replay).toHaveURL(/\/sign-in/);
    expect(await response?.text()).not.toContain(user.email);
  }
  await other.close();
  await mine.close();
});

test("a password change ends the other sessions", async ({ page, browser }) => {
  const user = await registeredUser(page, "pwchange");
  const second = await browser.newContext();
  const secondPage = await second.newPage();
  await signIn(secondPage, user);
  await expect(secondPage).toHaveURL(/\/account$/);

  await page.goto("/account/security");
  await page.getByLabel("Current password").fill(user.password);
  await page.getByLabel("New password", { exact: true }).fill("Quartz-Heron-Meadow-4411");
  await page.getByLabel("Repeat new password").fill("Quartz-Heron-Meadow-4411");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByText("Your password is changed")).toBeVisible();

  await secondPage.goto("/account/profile");
  await expect(secondPage).toHaveURL(/\/sign-in/);
  await page.goto("/account/profile"); // this one stays signed in
  await expect(page.getByLabel("Name")).toHaveValue(user.name);
  await second.close();
});

test("sign out ends the session on the server, not only in the browser", async ({
  page,
  browser,
}) => {
  await registeredUser(page, "signout");
  const cookies = await page.context().cookies();
  await signOut(page);
  await expect(page).toHaveURL(/\/$/);

  const replay = await browser.newContext();
  await replay.addCookies(cookies);
  const p = await replay.newPage();
  await p.goto("/account/profile");
  await expect(p).toHaveURL(/\/sign-in/);
  await replay.close();
});

test("sign-in's next never leads to another site, and a bad one is no error", async ({
  page,
  baseURL,
}) => {
  const user = await registeredUser(page, "next");
  const home = `${new URL(baseURL!).origin}/account`;
  await signOut(page);

  // A tab inside the path: a browser drops it and reads "//evil.example", another host.
  await page.goto("/sign-in?next=%2F%09%2Fevil.example");
  await page.getByLabel("Email address").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(home);

  // Signed in, the sign-in page redirects to next at once: control characters and backslashes
  // there gave a 500 or left the site.
  for (const next of ["%2F%0A%2Fevil.example", "%2F%0D%2Fevil.example", "%2F%5C%2Fevil.example"]) {
    const response = await page.goto(`/sign-in?next=${next}`);
    expect(response!.status()).toBeLessThan(400);
    await expect(page).toHaveURL(home);
  }
  // A path on the site is still honoured.
  await page.goto(`/sign-in?next=${encodeURIComponent("/account/security")}`);
  await expect(page).toHaveURL(`${new URL(baseURL!).origin}/account/security`);
});
