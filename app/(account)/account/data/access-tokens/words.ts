import type { useTranslations } from "next-intl";
import type { RefusalWords } from "@/components/data/token-words";
import type { TokenScope } from "@/lib/validation/data";

/**
 * The access-tokens page's words in the viewer's language: scopes and what the ingestion API
 * refused. (components/data/token-words.ts has the same in English for other readers.)
 */
type TokensT = ReturnType<typeof useTranslations<"security.tokens">>;

const SCOPE_KEYS: Record<TokenScope, `scope.${string}`> = {
  "printers:write": "scope.printers_write",
  "printers:read": "scope.printers_read",
  "print-jobs:write": "scope.print-jobs_write",
  "print-jobs:read": "scope.print-jobs_read",
  "cura:write": "scope.cura_write",
  "cura:read": "scope.cura_read",
  "diagnostics:write": "scope.diagnostics_write",
  "diagnostics:read": "scope.diagnostics_read",
};

/** A scope in words; an unknown one (from an older version) as it is stored. */
export function scopeInWords(scope: string, t: TokensT): string {
  const key = SCOPE_KEYS[scope as TokenScope];
  return key ? t(key as Parameters<TokensT>[0]) : scope;
}

const CATEGORY = {
  printers: "printers",
  "print-jobs": "printJobs",
  "cura-configuration": "cura",
  diagnostics: "diagnostics",
} as const;

/**
 * "Tried to send 120 printer updates in 40 requests while you had printers restricted. None
 * of it was stored." — without times, which the page adds.
 */
export function refusalInWords(r: RefusalWords, t: TokensT): string {
  const c = Object.hasOwn(CATEGORY, r.category)
    ? CATEGORY[r.category as keyof typeof CATEGORY]
    : "other";
  return t(`refusal.${r.reason}`, {
    items: t(`items.${c}`, { count: r.items }),
    requests: r.requests,
    what: t(`what.${c}`),
  });
}
