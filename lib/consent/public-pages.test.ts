import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { cookieVendors } from "@/lib/catalog/vendors";
import { contentSecurityPolicy } from "@/lib/security-headers";
import { mayRunVendorScripts, vendorScriptPaths } from "./public-pages";

const appDir = path.join(import.meta.dirname, "../../app");

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

/** The URL path of a page file: route groups such as (public) are not part of it. */
function routeOf(pageFile: string): string {
  const parts = path
    .relative(appDir, path.dirname(pageFile))
    .split(path.sep)
    .filter((p) => p && !/^\(.*\)$/.test(p));
  return `/${parts.join("/")}`;
}

describe("pages that may run vendor scripts", () => {
  it("are exactly the pages under app/(public)/(vendors)", () => {
    const pages = files(path.join(appDir, "(public)/(vendors)"))
      .filter((f) => path.basename(f) === "page.tsx")
      .map(routeOf)
      .sort();
    expect(pages).toEqual(["/", "/policy"]);
    expect([...vendorScriptPaths].sort()).toEqual(pages);
  });

  it("are rendered by that folder's layout and nowhere else", () => {
    const users = files(appDir)
      .filter((f) => /\.tsx?$/.test(f))
      .filter((f) => readFileSync(f, "utf8").includes("@/components/consent/vendor-scripts"))
      .map((f) => path.relative(appDir, f));
    expect(users).toEqual([path.join("(public)", "(vendors)", "layout.tsx")]);
  });

  it.each(["/", "/policy", "/policy/"])("allows %s", (p) => {
    expect(mayRunVendorScripts(p)).toBe(true);
  });

  it.each([
    "/account",
    "/account/data/print-jobs",
    "/support",
    "/support/accounts/1",
    "/admin/audit",
    "/sign-in",
    "/reset-password",
    "/verify-email",
    "/unsubscribe",
    "/newsletter/confirm",
    "/policy/x",
    "/policyx",
    "//",
    "",
  ])("refuses %s", (p) => {
    expect(mayRunVendorScripts(p)).toBe(false);
  });
});

describe("the CSP", () => {
  const hosts = cookieVendors.flatMap((v) => v.hosts);
  it("lets a nonce'd script load a vendor tag only on a vendor page", () => {
    const open = contentSecurityPolicy("n0", false, { vendorScripts: true });
    expect(open).toContain("script-src 'self' 'nonce-n0' 'strict-dynamic';");
    const closed = contentSecurityPolicy("n0", false, { vendorScripts: false });
    expect(closed).toContain("script-src 'self' 'nonce-n0';");
    expect(closed).not.toContain("strict-dynamic");
    expect(contentSecurityPolicy("n0", false)).toBe(closed);
    for (const csp of [open, closed]) {
      expect(csp).toContain("connect-src 'self';");
      for (const host of hosts) expect(csp).not.toContain(host);
    }
  });
});
