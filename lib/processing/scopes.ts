import { categories } from "@/lib/catalog/categories";
import type { CategoryId } from "@/lib/catalog/ids";

/**
 * What a holder can restrict (art. 18) or object to (art. 21), derived from the catalog:
 * restriction per category marked `restrictable`; objection to profiling for marketing, to
 * direct marketing, and per category processed on legitimate interest. Pure: the page, the
 * validation and the DAL all read this one list.
 */

export type ProcessingKind = "restriction" | "objection";

/**
 * "stops": switching it on stops the processing at once. "weighed": we record the objection
 * and staff must weigh it, because part of the processing protects the account itself (art.
 * 21(1): compelling legitimate grounds); it cannot simply be switched off.
 */
export type ProcessingEffect = "stops" | "weighed";

export type ProcessingScope = {
  kind: ProcessingKind;
  scope: string;
  label: string;
  /** One line: what stops, or what happens instead. */
  explanation: string;
  effect: ProcessingEffect;
};

const restrictionText: Partial<Record<CategoryId, string>> = {
  printers:
    "We stop storing new status reports from your printers and use what we hold only to keep it.",
  "print-jobs": "We stop storing new print jobs and use the ones we hold only to keep them.",
  "cura-configuration":
    "We stop storing new Cura settings and use the stored ones only to keep them.",
  diagnostics: "We stop accepting crash reports and telemetry and do not analyse what we hold.",
  marketing: "We send you no marketing email and record no opens or clicks.",
};

const objectionText: Partial<Record<CategoryId, { text: string; effect: ProcessingEffect }>> = {
  diagnostics: {
    text: "We stop using your crash reports and telemetry to improve our products.",
    effect: "stops",
  },
  "login-activity": {
    text: "Recorded for staff to weigh: sign-in records protect your account from misuse, so we keep them while we review your reasons.",
    effect: "weighed",
  },
};

export const RESTRICTION_SCOPES: ProcessingScope[] = categories
  .filter((c) => c.restrictable)
  .map((c) => ({
    kind: "restriction",
    scope: c.id,
    label: `Restrict ${c.title.toLowerCase()}`,
    explanation: restrictionText[c.id] ?? `We keep ${c.title.toLowerCase()} but stop using it.`,
    effect: "stops",
  }));

// Staff access is on legitimate interest too, but it is our record of who looked at your
// account; objecting to it would hide staff access from you, so it is not offered.
const NOT_OBJECTABLE: CategoryId[] = ["staff-access"];

export const OBJECTION_SCOPES: ProcessingScope[] = [
  {
    kind: "objection",
    scope: "direct-marketing",
    label: "Object to direct marketing",
    explanation: "We send you no marketing email at all, whatever your newsletter choice.",
    effect: "stops",
  },
  {
    kind: "objection",
    scope: "profiling",
    label: "Object to profiling for marketing",
    explanation: "We stop using your activity to tailor marketing, and profiling stays off.",
    effect: "stops",
  },
  ...categories
    .filter((c) => c.legalBasis === "legitimate_interest" && !NOT_OBJECTABLE.includes(c.id))
    .map((c): ProcessingScope => {
      const o = objectionText[c.id];
      return {
        kind: "objection",
        scope: c.id,
        label: `Object to our use of ${c.title.toLowerCase()}`,
        explanation: o?.text ?? "Recorded for staff to weigh against our reasons.",
        effect: o?.effect ?? "weighed",
      };
    }),
];

export const PROCESSING_SCOPES = [...RESTRICTION_SCOPES, ...OBJECTION_SCOPES];

export function findScope(kind: ProcessingKind, scope: string): ProcessingScope | undefined {
  return PROCESSING_SCOPES.find((s) => s.kind === kind && s.scope === scope);
}
