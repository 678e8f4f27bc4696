import { expect, test } from "@playwright/test";
import { registeredUser, signIn, uniqueIp } from "./fixtures/users";

const protectedPages = ["/account", "/account/profile", "/account/security"];

test.describe("signed-out visitors", () => {
  for (const path of protectedPages) {
    test(`${path} sends them to sign in, even with the proxy bypassed`, async ({ request }) => {
      // A forged x-middleware-subrequest header skips Next's middleware on vulnerable versions;
      // access must not depend on it.
      const forged = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };
      for (const headers of [{} as Record<string, string>, forged]) {
        const response = await request.get(path, { headers, maxRedirects: 0 });
        expect([302, 303, 307, 308]).toContain(response.status());
        expect(response.headers()["location"]).toContain("/sign-in");
      }
    });
  }

  test("the sign-in page brings them back where they were going", async ({ page, context }) => {
    await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
    await page.goto("/account/security");
    await expect(page).toHaveURL(/\/sign-in\?next=%2Faccount%2Fsecurity/);
  });
});

test("a second user cannot see the first user's profile, sessions or history", async ({
  browser,
}) => {
  const a = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const b = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": uniqueIp() } });
  const pageA = await a.newPage();
  const pageB = await b.newPage();
  const first = await registeredUser(pageA, "first");
  await registeredUser(pageB, "second");
  for (const path of protectedPages) {
    const response = await pageB.goto(path);
    const html = (await response?.text()) ?? "";
    expect(html).not.toContain(first.email);
    expect(html).not.toContain(first.name);
  }
  await a.close();
  await b.close();
});

test("HTML responses carry a nonce-based CSP and the other security headers", async ({
  request,
}) => {
  for (const path of ["/", "/sign-in", "/policy"]) {
    const response = await request.get(path);
    const h = response.headers();
    const csp = h["content-security-policy"] ?? "";
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'/);
    // Only the public pages that may run vendor scripts let a nonced script load others.
    if (path === "/sign-in") expect(csp).not.toContain("'strict-dynamic'");
    else expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'none'");
    expect(h["x-content-type-options"]).toBe("nosniff");
    expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
    expect(h["strict-transport-security"]).toContain("max-age=");
    // Every script tag on the page carries this response's nonce.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1]!;
    const html = await response.text();
    const scripts = html.match(/<script\b[^>]*>/g) ?? [];
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  }
});

test("the session cookie is HttpOnly and SameSite=Lax", async ({ page, context }) => {
  await context.setExtraHTTPHeaders({ "x-forwarded-for": uniqueIp() });
  await registeredUser(page, "cookie");
  const session = (await context.cookies()).find((c) => c.name.endsWith("pc.session"));
  expect(session).toBeDefined();
  expect(session!.httpOnly).toBe(true);
  expect(session!.sameSite).toBe("Lax");
});

test("the seeded account holder, agent and admin can sign in", async ({ browser }) => {
  const people = [
    { email: "demo@example.com", password: "demo-Printer-2026!" },
    { email: "agent@example.com", password: "agent-Support-2026!" },
    { email: "admin@example.com", password: "admin-Privacy-2026!" },
  ];
  for (const person of people) {
    const context = await browser.newContext({
      extraHTTPHeaders: { "x-forwarded-for": uniqueIp() },
    });
    const page = await context.newPage();
    await signIn(page, person);
    await expect(page).toHaveURL(/\/account$/);
    await context.close();
  }
});
