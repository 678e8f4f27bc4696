import { describe, expect, it } from "vitest";
import { cookieVendors } from "@/lib/catalog/vendors";
import {
  cookiesToClear,
  decisionsFor,
  effectiveDecisions,
  googleConsentState,
  normaliseDecisions,
  optionalVendors,
  scriptsToLoad,
} from "./decisions";
import { domainsOf } from "./clear-cookies";

const ads = optionalVendors().filter((v) => v.category === "advertising");
const analytics = optionalVendors().filter((v) => v.category === "analytics");

describe("cookie decisions", () => {
  it("asks only about optional vendors still in use", () => {
    const ids = optionalVendors().map((v) => v.id);
    expect(ids).not.toContain("google-optimize"); // retired
    expect(ids).not.toContain("google-tag-manager"); // functional
    expect(ids).toContain("hotjar");
  });

  it("accept all grants everything, except advertising under GPC; reject all grants nothing", () => {
    expect(Object.values(decisionsFor("accept_all", false)).every(Boolean)).toBe(true);
    const gpc = decisionsFor("accept_all", true);
    expect(ads.every((v) => gpc[v.id] === false)).toBe(true);
    expect(analytics.every((v) => gpc[v.id] === true)).toBe(true);
    expect(Object.values(decisionsFor("reject_all", false)).some(Boolean)).toBe(false);
  });

  it("refuses unknown, retired or missing vendor ids", () => {
    const all = decisionsFor("reject_all", false);
    expect(normaliseDecisions(all).ok).toBe(true);
    expect(normaliseDecisions({ ...all, "evil-tracker": true }).ok).toBe(false);
    expect(normaliseDecisions({ ...all, "google-optimize": true }).ok).toBe(false);
    const { hotjar: _dropped, ...missing } = all;
    expect(normaliseDecisions(missing).ok).toBe(false);
  });

  it("a choice for an older revision counts as no choice, even accept all", () => {
    const accepted = {
      revision: 1,
      method: "accept_all" as const,
      decisions: decisionsFor("accept_all", false),
    };
    expect(effectiveDecisions(accepted, { revision: 1, gpc: false })).not.toBeNull();
    expect(effectiveDecisions(accepted, { revision: 2, gpc: false })).toBeNull();
  });

  it("GPC denies advertising granted earlier unless it was an explicit override", () => {
    const accepted = {
      revision: 1,
      method: "accept_all" as const,
      decisions: decisionsFor("accept_all", false),
    };
    const underGpc = effectiveDecisions(accepted, { revision: 1, gpc: true })!;
    expect(ads.some((v) => underGpc[v.id])).toBe(false);
    const override = effectiveDecisions(
      { ...accepted, method: "gpc_override" },
      { revision: 1, gpc: true },
    )!;
    expect(ads.every((v) => override[v.id])).toBe(true);
  });

  it("loads nothing without a grant, and never a retired vendor", () => {
    expect(scriptsToLoad(null)).toEqual([]);
    expect(scriptsToLoad(decisionsFor("reject_all", false))).toEqual([]);
    const loaded = scriptsToLoad({
      ...decisionsFor("reject_all", false),
      hotjar: true,
      "google-optimize": true,
    });
    expect(loaded.map((v) => v.id).sort()).toEqual([
      "google-tag-manager",
      "hotjar",
      "myfonts-counter",
    ]);
  });

  it("Consent Mode signals follow the Google vendors", () => {
    expect(Object.values(googleConsentState(null))).toEqual([
      "denied",
      "denied",
      "denied",
      "denied",
    ]);
    const ga = googleConsentState({ "google-analytics": true });
    expect(ga).toEqual({
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "granted",
    });
    expect(googleConsentState({ doubleclick: true }).ad_user_data).toBe("granted");
  });

  it("clears cookies of vendors not granted, keeping names a granted vendor shares", () => {
    const none = cookiesToClear(decisionsFor("reject_all", false));
    expect(none).toEqual(expect.arrayContaining(["_ga", "_ga_*", "_hjSession_*", "_gaexp", "IDE"]));
    const keepIde = cookiesToClear({ ...decisionsFor("reject_all", false), doubleclick: true });
    expect(keepIde).not.toContain("IDE");
    const all = cookiesToClear(decisionsFor("accept_all", false));
    expect(all).toEqual(["_gaexp"]); // only the retired vendor's
    expect(cookieVendors.length).toBeGreaterThan(optionalVendors().length);
  });

  it("clears on the host and each parent domain", () => {
    expect(domainsOf("www.shop.example.com")).toEqual([
      "",
      "www.shop.example.com",
      "shop.example.com",
      "example.com",
    ]);
    expect(domainsOf("127.0.0.1")).toEqual([""]);
    expect(domainsOf("localhost")).toEqual([""]);
  });
});
