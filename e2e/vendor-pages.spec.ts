import { expect, test, type Page } from "@playwright/test";
import { cookieVendors } from "../lib/catalog/vendors";
import { signIn, signOut, registeredUser, staff, uniqueIp } from "./fixtures/users";
import { interceptVendors, vendorScriptsRun } from "./fixtures/vendors";

const loadable = cookieVendors.filter((v) => v.scriptUrl && !v.retired);

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

/** Opens a page and checks that it loaded, ran and asked for nothing from any vendor. */
async function expectNoVendor(page: Page, vendors: Awaited<ReturnType<typeof interceptVendors>>) {
  await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
  await page.waitForLoadState("load");
  expect(vendors.vendorRequests(), page.url()).toEqual([]);
  await expect(page.locator("script[data-vendor]")).toHaveCount(0);
  expect(await vendorScriptsRun(page), page.url()).toBe(0);
}

/** Grants every vendor in the banner, as a visitor would, and waits for the page to reload. */
async function grantEverything(page: Page) {
  await page.goto("/");
  await page.getByRole("button", { name: "Accept all" }).click();
  await page.waitForLoadState("load");
  await expect(page.getByRole("dialog", { name: /cookies on this site/i })).toBeHidden({
    timeout: 30_000,
  });
}

test("with every vendor granted, the public pages load vendor scripts, and auth and token pages none", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(150_000);
  const vendors = await interceptVendors(page.context(), new URL(baseURL!).origin);

  // Every vendor granted: the public pages load each one's script.
  await grantEverything(page);
  for (const path of ["/", "/policy"]) {
    vendors.clear();
    const response = await page.goto(path);
    for (const v of loadable)
      await expect.poll(() => vendors.requested(v.scriptUrl!), { message: v.id }).toBe(true);
    expect(await vendorScriptsRun(page)).toBeGreaterThan(0);
    expect(response!.headers()["content-security-policy"]).toContain("'strict-dynamic'");
  }

  // Leaving a public page for another part of the app starts a new document: the scripts
  // loaded on the public page do not follow the visitor.
  vendors.clear();
  await page.getByRole("link", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  await expectNoVendor(page, vendors);

  // Pages opened from a mailed link, with a token in the address.
  for (const path of [
    "/reset-password?token=not-a-real-token-0123456789",
    "/verify-email?token=not-a-real-token-0123456789",
    "/confirm-email-change?token=not-a-real-token-0123456789",
    "/unsubscribe?token=not-a-real-token-0123456789",
    "/newsletter/confirm?token=not-a-real-token-0123456789",
    "/sign-in",
    "/sign-up",
    "/forgot-password",
  ]) {
    vendors.clear();
    const response = await page.goto(path);
    await expectNoVendor(page, vendors);
    expect(response!.headers()["content-security-policy"]).not.toContain("strict-dynamic");
  }
});

test("with every vendor granted, the account, support and admin pages load no vendor script", async ({
  page,
  baseURL,
}) => {
  test.setTimeout(180_000);
  const vendors = await interceptVendors(page.context(), new URL(baseURL!).origin);
  await grantEverything(page);

  // Sign-up through the mailed link and sign-in: the whole way, no vendor is asked for anything.
  vendors.clear();
  await registeredUser(page, "vendors");
  expect(vendors.vendorRequests()).toEqual([]);
  for (const path of [
    "/account",
    "/account/data",
    "/account/profile",
    "/account/security",
    "/account/consents",
    "/account/export",
    "/account/support-access",
  ]) {
    vendors.clear();
    const response = await page.goto(path);
    await expectNoVendor(page, vendors);
    expect(response!.headers()["content-security-policy"]).not.toContain("strict-dynamic");
  }
  await signOut(page);

  // The support console and the admin pages.
  for (const [who, paths] of [
    [staff.agent, ["/support"]],
    [staff.admin, ["/admin/audit", "/admin/mailbox", "/admin/campaigns"]],
  ] as const) {
    vendors.clear();
    await signIn(page, who);
    await expect(page).toHaveURL(/\/account$/);
    for (const path of paths) {
      vendors.clear();
      await page.goto(path);
      await expectNoVendor(page, vendors);
    }
    await signOut(page);
  }
});
