/**
 * The languages the app speaks and how it picks one. Shared by the server (i18n/request.ts),
 * the switcher, mail and the export: no server-only imports here.
 */
export const locales = ["en", "nl"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "en";

/** Chosen with the language switcher; an account's own language wins when signed in. */
export const LOCALE_COOKIE = "pc-locale";
/** The browser's IANA time zone, written by components/i18n/time-zone-sync.tsx. */
export const TIME_ZONE_COOKIE = "pc-tz";

/** Each language's name in itself: the switcher shows it so, whatever the page's language. */
export const localeNames: Record<Locale, string> = { en: "English", nl: "Nederlands" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

/**
 * The best of our languages for an Accept-Language header ("nl-BE,nl;q=0.9,en;q=0.8"), by
 * quality then order; English when none matches or the header is absent or malformed.
 */
export function negotiateLocale(header: string | null | undefined): Locale {
  if (!header) return defaultLocale;
  const ranked = header
    .split(",")
    .slice(0, 20)
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      const quality = q === undefined ? 1 : Number(q);
      return { base: tag.trim().toLowerCase().split("-")[0] ?? "", quality, index };
    })
    .filter((r) => r.quality > 0 && Number.isFinite(r.quality))
    .sort((a, b) => b.quality - a.quality || a.index - b.index);
  for (const r of ranked) if (isLocale(r.base)) return r.base;
  return defaultLocale;
}

/** A time zone name the runtime knows ("Europe/Amsterdam"), or null. */
export function validTimeZone(value: unknown): string | null {
  if (typeof value !== "string" || value.length === 0 || value.length > 64) return null;
  if (!/^[A-Za-z0-9_+\-/]+$/.test(value)) return null;
  try {
    new Intl.DateTimeFormat("en", { timeZone: value });
    return value;
  } catch {
    return null;
  }
}
