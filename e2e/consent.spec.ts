import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { cookieVendors } from "../lib/catalog/vendors";
import { organisation } from "../lib/organisation";
import { registeredUser, uniqueIp } from "./fixtures/users";
import { interceptVendors, nonEssentialStorage } from "./fixtures/vendors";

const pages = ["/", "/sign-in", "/policy"];
const loadable = cookieVendors.filter((v) => v.scriptUrl && !v.retired);
const byCategory = (c: string) => loadable.filter((v) => v.category === c);
const banner = (page: Page) =>
  page.getByRole("dialog", { name: /cookies on this site|allow advertising/i });

test.beforeEach(async ({ context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
});

async function setup(page: Page, baseURL: string | undefined) {
  return interceptVendors(page.context(), new URL(baseURL!).origin);
}

/**
 * Makes a choice (`act` clicks or presses its button) and waits for the page load it causes: the
 * banner saves, then reloads the page. Waiting for the load state alone returned at once (the
 * old page had loaded), and the banner is gone as soon as the new document starts — before its
 * Consent Mode script has run — so a check made then could read the new page half built.
 */
async function choose(page: Page, act: () => Promise<unknown>) {
  const reloaded = page.waitForEvent("load");
  await act();
  await reloaded;
  await expect(banner(page)).toBeHidden();
}

test("nothing loads before a choice, after Reject all, after a reload, and after withdrawal", async ({
  page,
  baseURL,
}) => {
  const vendors = await setup(page, baseURL);
  for (const path of pages) {
    await page.goto(path);
    await expect(banner(page)).toBeVisible();
    expect(vendors.vendorRequests()).toEqual([]);
    expect(await nonEssentialStorage(page)).toEqual([]);
  }
  await choose(page, () => page.getByRole("button", { name: "Reject all" }).click());
  for (const path of pages) {
    await page.goto(path);
    await page.reload();
    await expect(banner(page)).toBeHidden();
    expect(vendors.vendorRequests()).toEqual([]);
    expect(await nonEssentialStorage(page)).toEqual([]);
  }

  // Accept, let the stand-in scripts set their cookies, then withdraw everything in the settings.
  await page.getByRole("button", { name: "Cookie settings" }).click();
  await choose(page, () => page.getByRole("button", { name: "Accept all" }).click());
  await expect
    .poll(() =>
      page
        .context()
        .cookies()
        .then((c) => c.map((x) => x.name)),
    )
    .toContain("_ga");
  expect((await nonEssentialStorage(page)).length).toBeGreaterThan(0);

  await page.getByRole("button", { name: "Cookie settings" }).click();
  await page.getByRole("button", { name: "Choose" }).click();
  await page.getByRole("switch", { name: "All analytics" }).uncheck();
  await page.getByRole("switch", { name: "All advertising" }).uncheck();
  await choose(page, () => page.getByRole("button", { name: "Save my choices" }).click());
  expect(await nonEssentialStorage(page)).toEqual([]); // _ga, _ga_*, _hjSession_* … removed
  vendors.clear();
  for (const path of pages) {
    await page.goto(path);
    expect(vendors.vendorRequests()).toEqual([]);
    expect(await nonEssentialStorage(page)).toEqual([]);
  }
});

test("Accept all loads each vendor's script with Consent Mode; a vendor switched off is not loaded", async ({
  page,
  baseURL,
}) => {
  const vendors = await setup(page, baseURL);
  await page.goto("/policy");
  await choose(page, () => page.getByRole("button", { name: "Accept all" }).click());
  for (const v of loadable)
    await expect.poll(() => vendors.requested(v.scriptUrl!), { message: v.id }).toBe(true);
  // The reloaded page's first two Consent Mode calls: the denied defaults, then the update.
  const consentCalls = () =>
    page.evaluate(() =>
      ((window as unknown as { dataLayer?: IArguments[] }).dataLayer ?? [])
        .slice(0, 2)
        .map((a) => Array.from(a)),
    );
  await expect.poll(consentCalls).toEqual([
    [
      "consent",
      "default",
      {
        ad_storage: "denied",
        ad_user_data: "denied",
        ad_personalization: "denied",
        analytics_storage: "denied",
      },
    ],
    [
      "consent",
      "update",
      {
        ad_storage: "granted",
        ad_user_data: "granted",
        ad_personalization: "granted",
        analytics_storage: "granted",
      },
    ],
  ]);

  // Another visitor grants everything except Hotjar.
  const other = await page.context().browser()!.newContext();
  const page2 = await other.newPage();
  const vendors2 = await setup(page2, baseURL);
  await page2.goto("/");
  await page2.getByRole("button", { name: "Choose" }).click();
  await page2.getByRole("switch", { name: "All analytics" }).check();
  await page2.getByRole("switch", { name: "All advertising" }).check();
  // Vendors are folded away until asked for.
  await page2.getByRole("button", { name: /^Analytics vendors/ }).click();
  await page2.getByRole("switch", { name: "Hotjar" }).uncheck();
  await expect(page2.getByText("Retired", { exact: true })).toBeVisible(); // Google Optimize: shown, no switch
  await expect(page2.getByRole("switch", { name: "Google Optimize" })).toHaveCount(0);
  await choose(page2, () => page2.getByRole("button", { name: "Save my choices" }).click());
  const hotjar = cookieVendors.find((v) => v.id === "hotjar")!;
  for (const v of loadable.filter((x) => x.id !== "hotjar")) {
    await expect.poll(() => vendors2.requested(v.scriptUrl!), { message: v.id }).toBe(true);
  }
  expect(vendors2.requests.filter((u) => hotjar.hosts.includes(new URL(u).hostname))).toEqual([]);
  expect(vendors2.requests.filter((u) => u.includes("googleoptimize"))).toEqual([]);
  await other.close();
});

test.describe("Global Privacy Control", () => {
  test("denies advertising by default, says so, and an explicit opt-in is confirmed and recorded", async ({
    page,
    baseURL,
    context,
  }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp(), "Sec-GPC": "1" });
    const vendors = await setup(page, baseURL);
    await page.goto("/");
    await expect(
      banner(page).getByText("Your browser asked us not to sell or share"),
    ).toBeVisible();
    await choose(page, () => page.getByRole("button", { name: "Accept all" }).click());
    for (const v of byCategory("analytics")) {
      await expect.poll(() => vendors.requested(v.scriptUrl!), { message: v.id }).toBe(true);
    }
    await page.waitForLoadState("networkidle");
    for (const v of byCategory("advertising"))
      expect(vendors.requested(v.scriptUrl!), v.id).toBe(false);

    await registeredUser(page, "gpc");
    await page.getByRole("button", { name: "Cookie settings" }).click();
    await page.getByRole("button", { name: "Choose" }).click();
    await page.getByRole("button", { name: /^Advertising vendors/ }).click();
    await expect(page.getByRole("switch", { name: "Bing" })).not.toBeChecked();
    await page.getByRole("switch", { name: "Microsoft Bing Universal Event Tracking" }).check();
    await page.getByRole("button", { name: "Save my choices" }).click();
    await expect(
      page.getByRole("heading", { name: "Allow advertising despite your browser's signal?" }),
    ).toBeFocused();
    await choose(page, () =>
      page.getByRole("button", { name: "Yes, allow the advertising I chose" }).click(),
    );
    // Vendor scripts run on the public pages only, never on the account page the choice was
    // made on (e2e/vendor-pages.spec.ts).
    await page.goto("/");
    await expect.poll(() => vendors.requested("https://bat.bing.com/bat.js")).toBe(true);
    await page.goto("/account/consents");
    await expect(page.getByText("Cookies: Allowed advertising despite GPC")).toBeVisible();
  });

  test("publishes /.well-known/gpc.json", async ({ request }) => {
    const response = await request.get("/.well-known/gpc.json");
    expect(response.status()).toBe(200);
    expect(await response.json()).toEqual({ gpc: true, lastUpdate: organisation.gpcLastUpdate });
  });
});

test("a raised banner revision asks again a visitor who had accepted all", async ({
  page,
  baseURL,
  context,
}) => {
  const vendors = await setup(page, baseURL);
  await page.goto("/");
  await choose(page, () => page.getByRole("button", { name: "Accept all" }).click());
  // Make the stored choice one made for the previous revision, as after a revision bump.
  const stored = (await context.cookies()).find((c) => c.name === "pc_consent")!;
  const value = JSON.parse(decodeURIComponent(stored.value)) as { r: number; m: string };
  expect(value.m).toBe("accept_all");
  await context.addCookies([
    {
      ...stored,
      value: encodeURIComponent(
        JSON.stringify({ ...value, r: organisation.cookieBannerRevision - 1 }),
      ),
    },
  ]);
  vendors.clear();
  await page.goto("/policy");
  await expect(banner(page)).toBeVisible();
  expect(vendors.vendorRequests()).toEqual([]);
});

test("the banner works by keyboard alone, Escape is no consent, and axe finds nothing", async ({
  page,
  baseURL,
}) => {
  const vendors = await setup(page, baseURL);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: "Cookies on this site" })).toBeFocused();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Escape");
  await expect(banner(page)).toBeVisible();
  expect((await page.context().cookies()).map((c) => c.name)).not.toContain("pc_consent");

  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Accept all" })).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Choose" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("switch", { name: "All analytics" })).toBeVisible();
  expect((await new AxeBuilder({ page }).analyze()).violations.map((v) => v.id)).toEqual([]);
  await page.keyboard.press("Tab"); // the functional vendors' disclosure
  await page.keyboard.press("Tab");
  await expect(page.getByRole("switch", { name: "All analytics" })).toBeFocused();
  await page.keyboard.press("Space");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: /^Analytics vendors/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("switch", { name: "Google Analytics" })).toBeChecked();
  await page.keyboard.press("Escape"); // back to the first layer, still nothing chosen
  await expect(page.getByRole("button", { name: "Reject all" })).toBeVisible();
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.getByRole("button", { name: "Reject all" })).toBeFocused();
  await choose(page, () => page.keyboard.press("Enter"));
  expect(vendors.vendorRequests()).toEqual([]);
});
