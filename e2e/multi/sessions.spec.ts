// Sessions and the sign-in throttle live in the shared database, so two instances agree on them
// at once: a sign-in on A is good on B, a revocation on A is refused on B, and failures made on
// A and B count together.
import { expect, test } from "@playwright/test";
import { alertBox, uniqueIp } from "../fixtures/users";
import { instanceA, instanceB, seededHolder, signInAt } from "./harness";

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

test("signed in on instance A, served and acting on instance B", async ({ page }) => {
  const user = seededHolder();
  await signInAt(page, instanceA, user);
  await expect(page).toHaveURL(/\/account$/);

  await page.goto(`${instanceB}/account/profile`);
  await expect(page.getByLabel("Name")).toHaveValue(user.name);
  await page.getByLabel("Name").fill(`${user.name} Renamed`);
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Your profile is saved.")).toBeVisible();

  await page.goto(`${instanceA}/account/profile`);
  await expect(page.getByLabel("Name")).toHaveValue(`${user.name} Renamed`);
});

test("a session ended on instance A is refused at once on instance B", async ({
  page,
  browser,
}) => {
  const user = seededHolder();
  await signInAt(page, instanceB, user);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto(`${instanceB}/account/profile`);
  await expect(page.getByLabel("Name")).toHaveValue(user.name);

  const mine = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const minePage = await mine.newPage();
  await signInAt(minePage, instanceA, user);
  await expect(minePage).toHaveURL(/\/account$/);
  await minePage.goto(`${instanceA}/account/security`);
  await minePage.getByRole("button", { name: "Sign out everywhere else" }).click();
  // The seeded holder has sessions of its own from the demo data, so the count varies.
  await expect(minePage.getByText(/Signed out \d+ other sessions?/)).toBeVisible();

  const response = await page.goto(`${instanceB}/account/profile`);
  await expect(page).toHaveURL(/\/sign-in/);
  expect(await response?.text()).not.toContain(user.email);
  await mine.close();
});

test("wrong passwords alternating between the instances meet one shared throttle", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const user = seededHolder();
  // Five free failures per account (lib/auth/throttle-policy.ts), made on A, B, A, B, A. Were
  // the counters per instance, neither would have reached five and the right password would work.
  for (let i = 0; i < 5; i++) {
    await signInAt(page, i % 2 ? instanceB : instanceA, {
      email: user.email,
      password: `Wrong-Password-${i}-xyz`,
    });
    await expect(alertBox(page)).toBeVisible();
    await expect(alertBox(page)).not.toContainText("Too many attempts");
  }
  for (const origin of [instanceB, instanceA]) {
    await signInAt(page, origin, user);
    await expect(alertBox(page)).toContainText("Too many attempts");
  }
});
