import { describe, expect, it } from "vitest";
import { cookieVendors } from "@/lib/catalog/vendors";
import {
  cookiesToClear,
  decisionsFor,
  effectiveDecisions,
  googleConsentState,
  grantsAdvertising,
  normaliseDecisions,
  optionalVendors,
  scriptsToLoad,
  summariseDecisions,
} from "./decisions";
import type { StoredChoice } from "./cookie";
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

// Literal expectations, not ones derived from the function under test: a rule that grants too
// much or blocks too widely changes these values.
const ANALYTICS = ["google-analytics", "hotjar"];
const ADVERTISING = [
  "doubleclick",
  "facebook-custom-audience",
  "facebook-pixel",
  "google-ads-conversion",
  "google-ads-user-lists",
  "google-dynamic-remarketing",
  "eloqua",
  "linkedin-ads",
  "linkedin-marketing-solutions",
  "bing-uet",
  "outbrain-amplify",
  "outbrain-pixel",
  "twitter-advertising",
  "twitter-conversion-tracking",
];
/** All 16 optional vendors, the listed ones granted, in catalog order. */
const only = (...granted: string[]) =>
  Object.fromEntries([...ANALYTICS, ...ADVERTISING].map((id) => [id, granted.includes(id)]));

describe("cookie decisions, value by value", () => {
  it("asks about exactly the analytics and advertising vendors in use, in catalog order", () => {
    expect(optionalVendors().map((v) => v.id)).toEqual([...ANALYTICS, ...ADVERTISING]);
  });

  it("one-click choices stand for these decisions", () => {
    expect(decisionsFor("accept_all", false)).toEqual(only(...ANALYTICS, ...ADVERTISING));
    expect(decisionsFor("accept_all", true)).toEqual(only(...ANALYTICS));
    expect(decisionsFor("reject_all", false)).toEqual(only());
    expect(decisionsFor("reject_all", true)).toEqual(only());
  });

  it("normalises decisions into catalog order, keeping each value, and names what is wrong", () => {
    const reversed = Object.fromEntries(Object.entries(only("hotjar", "eloqua")).reverse());
    const result = normaliseDecisions(reversed);
    expect(result).toEqual({ ok: true, decisions: only("hotjar", "eloqua") });
    expect(Object.keys(result.ok ? result.decisions : {})).toEqual([...ANALYTICS, ...ADVERTISING]);
    expect(
      normaliseDecisions({ ...only(), "evil-tracker": true, "google-optimize": false }),
    ).toEqual({ ok: false, error: "Unknown vendors: evil-tracker, google-optimize" });
    const { hotjar: _h, "bing-uet": _b, ...twoMissing } = only();
    expect(normaliseDecisions(twoMissing)).toEqual({
      ok: false,
      error: "Missing vendors: hotjar, bing-uet",
    });
  });

  it("asks for confirmation under GPC only when an advertising vendor is granted", () => {
    expect(grantsAdvertising(only())).toBe(false);
    expect(grantsAdvertising(only(...ANALYTICS))).toBe(false);
    expect(grantsAdvertising(only("twitter-conversion-tracking"))).toBe(true);
    expect(grantsAdvertising({ "google-optimize": true, "google-tag-manager": true })).toBe(false);
  });

  it("summarises a choice as granted of total", () => {
    expect(summariseDecisions(only("hotjar", "doubleclick", "eloqua"))).toBe("3 of 16 allowed");
    expect(summariseDecisions({ a: false })).toBe("0 of 1 allowed");
  });
});

describe("the choice that counts on a page view", () => {
  const choice = (method: StoredChoice["method"], decisions: Record<string, boolean>) => ({
    revision: 3,
    method,
    decisions,
  });
  const now = (gpc: boolean) => ({ revision: 3, gpc });

  it("is nothing without a choice, or with one for another banner revision", () => {
    expect(effectiveDecisions(null, now(false))).toBeNull();
    const accepted = choice("accept_all", only(...ANALYTICS, ...ADVERTISING));
    expect(effectiveDecisions(accepted, { revision: 4, gpc: false })).toBeNull();
    expect(effectiveDecisions(accepted, { revision: 2, gpc: false })).toBeNull();
    expect(effectiveDecisions(accepted, now(false))).toEqual(only(...ANALYTICS, ...ADVERTISING));
  });

  it("grants exactly what was stored as true, for the vendors asked about, nothing else", () => {
    const stored = {
      ...only("hotjar", "facebook-pixel"),
      "google-analytics": "yes" as unknown as boolean,
      "google-optimize": true,
      "evil-tracker": true,
    };
    delete (stored as Record<string, boolean>)["outbrain-pixel"];
    expect(effectiveDecisions(choice("custom", stored), now(false))).toEqual(
      only("hotjar", "facebook-pixel"),
    );
    expect(effectiveDecisions(choice("custom", only()), now(false))).toEqual(only());
    expect(effectiveDecisions(choice("custom", {}), now(false))).toEqual(only());
  });

  it("under GPC denies advertising only, whatever the method but an explicit override", () => {
    const mixed = only("google-analytics", "doubleclick", "eloqua");
    for (const method of ["accept_all", "custom", "gpc", "withdraw"] as const) {
      expect(effectiveDecisions(choice(method, mixed), now(true)), method).toEqual(
        only("google-analytics"),
      );
    }
    expect(effectiveDecisions(choice("gpc_override", mixed), now(true))).toEqual(mixed);
    // An override grants what was chosen, not every advertiser.
    expect(effectiveDecisions(choice("gpc_override", only("eloqua")), now(true))).toEqual(
      only("eloqua"),
    );
    expect(effectiveDecisions(choice("custom", mixed), now(false))).toEqual(mixed);
  });
});

describe("what a page loads and clears for a choice", () => {
  it("loads the functional loaders first, then each granted vendor once, in catalog order", () => {
    const ids = (d: Record<string, boolean> | null) => scriptsToLoad(d).map((v) => v.id);
    expect(ids(only("twitter-advertising", "google-analytics"))).toEqual([
      "google-tag-manager",
      "myfonts-counter",
      "google-analytics",
      "twitter-advertising",
    ]);
    expect(ids({ "google-optimize": true })).toEqual([]);
    expect(ids({ hotjar: "yes" as unknown as boolean })).toEqual([]);
  });

  it("signals Consent Mode grants only for Google vendors of that category", () => {
    const denied = {
      ad_storage: "denied",
      ad_user_data: "denied",
      ad_personalization: "denied",
      analytics_storage: "denied",
    };
    expect(googleConsentState(only("hotjar", "facebook-pixel", "eloqua"))).toEqual(denied);
    expect(googleConsentState(only())).toEqual(denied);
    expect(googleConsentState(only("google-ads-conversion"))).toEqual({
      ad_storage: "granted",
      ad_user_data: "granted",
      ad_personalization: "granted",
      analytics_storage: "denied",
    });
    expect(googleConsentState(only(...ANALYTICS, ...ADVERTISING))).toEqual({
      ad_storage: "granted",
      ad_user_data: "granted",
      ad_personalization: "granted",
      analytics_storage: "granted",
    });
  });

  it("clears every cookie of a vendor not granted, and a retired vendor's even if granted", () => {
    expect(cookiesToClear(only())).toEqual([
      "_ga",
      "_ga_*",
      "_gid",
      "_gaexp",
      "_hjSessionUser_*",
      "_hjSession_*",
      "IDE",
      "fr",
      "_fbp",
      "_gcl_au",
      "_gcl_aw",
      "ELOQUA",
      "li_sugr",
      "bcookie",
      "_uetsid",
      "_uetvid",
      "obuid",
      "personalization_id",
      "muc_ads",
    ]);
    expect(
      cookiesToClear({ ...only(...ANALYTICS, ...ADVERTISING), "google-optimize": true }),
    ).toEqual(["_gaexp"]);
    // IDE is set by DoubleClick and by Dynamic Remarketing: either one granted keeps it.
    const dynamic = cookiesToClear(only("google-dynamic-remarketing"));
    expect(dynamic).not.toContain("IDE");
    expect(dynamic).toContain("_gcl_aw");
    expect(cookiesToClear(only(...ANALYTICS))).toEqual([
      "_gaexp",
      "IDE",
      "fr",
      "_fbp",
      "_gcl_au",
      "_gcl_aw",
      "ELOQUA",
      "li_sugr",
      "bcookie",
      "_uetsid",
      "_uetvid",
      "obuid",
      "personalization_id",
      "muc_ads",
    ]);
  });
});
