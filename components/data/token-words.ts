import type { TokenScope } from "@/lib/validation/data";

/**
 * Plain words for an access token's scopes and for what the ingestion API refused from it.
 * Pure (no server imports): the create form (client) and the token list (server) share it.
 */
export const scopeLabels: Record<TokenScope, string> = {
  "printers:write": "Send printer status",
  "printers:read": "Read your printers",
  "print-jobs:write": "Send print jobs and temperatures",
  "print-jobs:read": "Read your print jobs",
  "cura:write": "Save Cura profiles",
  "cura:read": "Read your Cura profiles",
  "diagnostics:write": "Send diagnostics",
  "diagnostics:read": "Read your diagnostics",
};

/** A scope in words; an unknown one (from an older version) as it is stored. */
export function scopeLabel(scope: string): string {
  return scopeLabels[scope as TokenScope] ?? scope;
}

/** What a refused item is, per catalog category, and what the holder switched for it. */
const categoryWords: Record<string, { items: [string, string]; what: string }> = {
  printers: { items: ["printer update", "printer updates"], what: "printers" },
  "print-jobs": {
    items: [
      "print-job item (jobs and temperature samples)",
      "print-job items (jobs and temperature samples)",
    ],
    what: "print jobs",
  },
  "cura-configuration": {
    items: ["Cura profile version", "Cura profile versions"],
    what: "Cura configuration",
  },
  diagnostics: { items: ["diagnostics bundle", "diagnostics bundles"], what: "diagnostics" },
};

export type RefusalWords = {
  category: string;
  reason: "restricted" | "objected" | "erasure_pending";
  items: number;
  requests: number;
};

const count = (n: number, [one, many]: [string, string]) =>
  `${n.toLocaleString("en-GB")} ${n === 1 ? one : many}`;

/**
 * "Tried to send 120 printer updates in 40 requests while you had printers restricted. None
 * of it was stored." — without times, which the page adds as exact dates.
 */
export function refusalSentence(r: RefusalWords): string {
  const words = categoryWords[r.category] ?? {
    items: ["item", "items"],
    what: r.category.replaceAll("-", " "),
  };
  const sent = `Tried to send ${count(r.items, words.items)} in ${count(r.requests, ["request", "requests"])}`;
  switch (r.reason) {
    case "restricted":
      return `${sent} while you had ${words.what} restricted. None of it was stored.`;
    case "objected":
      return `${sent} after you objected to the use of ${words.what}. We dropped them without storing them.`;
    case "erasure_pending":
      return `${sent} while your account was waiting to be deleted. None of it was stored.`;
  }
}
