import { cookieVendors, type CookieCategory, type CookieVendor } from "@/lib/catalog/vendors";
import type { StoredChoice } from "./cookie";

/**
 * Vendors the visitor decides about: analytics and advertising ones still in use. Functional
 * vendors are not a choice (always on), and retired ones are never loaded, so neither is asked
 * about or recorded.
 */
export function optionalVendors(): CookieVendor[] {
  return cookieVendors.filter((v) => v.category !== "functional" && !v.retired);
}

const optionalIds = () => new Set(optionalVendors().map((v) => v.id));

/** The decisions a one-click choice stands for. With GPC, "accept all" leaves advertising off. */
export function decisionsFor(
  kind: "accept_all" | "reject_all",
  gpc: boolean,
): Record<string, boolean> {
  return Object.fromEntries(
    optionalVendors().map((v) => [
      v.id,
      kind === "accept_all" && !(gpc && v.category === "advertising"),
    ]),
  );
}

/**
 * Checks decisions from the browser: only known optional vendor ids, every one of them present.
 * Returns an error message, or the decisions in catalog order.
 */
export function normaliseDecisions(
  decisions: Record<string, boolean>,
): { ok: true; decisions: Record<string, boolean> } | { ok: false; error: string } {
  const known = optionalIds();
  const unknown = Object.keys(decisions).filter((id) => !known.has(id));
  if (unknown.length) return { ok: false, error: `Unknown vendors: ${unknown.join(", ")}` };
  const missing = [...known].filter((id) => !(id in decisions));
  if (missing.length) return { ok: false, error: `Missing vendors: ${missing.join(", ")}` };
  return {
    ok: true,
    decisions: Object.fromEntries(optionalVendors().map((v) => [v.id, decisions[v.id]!])),
  };
}

/** Whether granting these decisions while GPC is on needs the visitor's explicit confirmation. */
export function grantsAdvertising(decisions: Record<string, boolean>): boolean {
  return optionalVendors().some((v) => v.category === "advertising" && decisions[v.id]);
}

/**
 * The choice that counts on this page view: the stored one only if it was made for the current
 * banner revision (a raised revision asks everyone again), with advertising denied under GPC
 * unless the visitor explicitly overrode it.
 */
export function effectiveDecisions(
  choice: Pick<StoredChoice, "revision" | "method" | "decisions"> | null,
  opts: { revision: number; gpc: boolean },
): Record<string, boolean> | null {
  if (!choice || choice.revision !== opts.revision) return null;
  const known = optionalVendors();
  return Object.fromEntries(
    known.map((v) => {
      const granted = choice.decisions[v.id] === true;
      const blockedByGpc =
        opts.gpc && v.category === "advertising" && choice.method !== "gpc_override";
      return [v.id, granted && !blockedByGpc];
    }),
  );
}

/** Script URLs to render for these decisions; functional loaders only alongside a granted tag. */
export function scriptsToLoad(decisions: Record<string, boolean> | null): CookieVendor[] {
  if (!decisions) return [];
  const granted = cookieVendors.filter((v) => !v.retired && decisions[v.id] === true);
  if (granted.length === 0) return [];
  const functional = cookieVendors.filter((v) => v.category === "functional" && !v.retired);
  // Every vendor in use has a script (only the retired Optimize has none), so dropping this
  // filter changes nothing today; it keeps a future script-less vendor out of <script src>.
  // Stryker disable next-line MethodExpression: equivalent for the catalog as it is (see above)
  return [...functional, ...granted].filter((v) => v.scriptUrl);
}

export type GoogleConsentState = Record<
  "ad_storage" | "ad_user_data" | "ad_personalization" | "analytics_storage",
  "granted" | "denied"
>;

/** Consent Mode v2 signals: analytics from Google Analytics, ads from any Google ad vendor. */
export function googleConsentState(decisions: Record<string, boolean> | null): GoogleConsentState {
  const any = (category: CookieCategory) =>
    cookieVendors.some(
      (v) => v.googleConsentMode && v.category === category && !v.retired && decisions?.[v.id],
    );
  const ads = any("advertising") ? "granted" : "denied";
  return {
    ad_storage: ads,
    ad_user_data: ads,
    ad_personalization: ads,
    analytics_storage: any("analytics") ? "granted" : "denied",
  };
}

/**
 * Cookie names (a trailing `*` is a prefix) of every vendor not granted now: a withdrawn vendor's
 * cookies go, and so do leftovers of refused or retired ones.
 */
export function cookiesToClear(decisions: Record<string, boolean>): string[] {
  // A cookie shared with a vendor granted now (IDE is set by two) stays.
  const kept = new Set(
    cookieVendors
      .filter((v) => !v.retired && decisions[v.id])
      .flatMap((v) => v.cookies.map((c) => c.name)),
  );
  const names = new Set(cookieVendors.flatMap((v) => v.cookies.map((c) => c.name)));
  return [...names].filter((name) => !kept.has(name));
}

/** "3 of 16 allowed" — for the consent history. */
export function summariseDecisions(decisions: Record<string, boolean>): string {
  const granted = Object.values(decisions).filter(Boolean).length;
  return `${granted} of ${Object.keys(decisions).length} allowed`;
}
