import { cookieVendors } from "@/lib/catalog/vendors";
import { newsletterTopics } from "@/lib/validation/consent";

/** Vendor ids are keys, never shown: each has a display name in the vendor catalog. */
export const vendorNames = new Map(cookieVendors.map((v) => [v.id, v.name]));

/** The methods a consent record can carry, each with a label in messages/<lang>/consent.json. */
export const consentMethods = [
  "accept_all",
  "reject_all",
  "custom",
  "gpc",
  "gpc_override",
  "withdraw",
  "preferences",
  "double_opt_in",
  "unsubscribe",
] as const;
export type ConsentMethod = (typeof consentMethods)[number];

export const isConsentMethod = (m: string): m is ConsentMethod =>
  (consentMethods as readonly string[]).includes(m);

/** The flags of a marketing consent record that a person would name (see marketingDecisions). */
export const marketingFlags = [
  "newsletter",
  ...newsletterTopics,
  "open_tracking",
  "click_tracking",
  "profiling",
] as const;
export type MarketingFlag = (typeof marketingFlags)[number];

export const isMarketingFlag = (k: string): k is MarketingFlag =>
  (marketingFlags as readonly string[]).includes(k);
