export { formatDate, formatDateTime } from "@/lib/format";

/** "12,345" (en) or "12.345" (nl); "about 12,345" when the count is an estimate. */
export function formatCount(n: number, approximate = false, locale: "en" | "nl" = "en"): string {
  const number = formatNumber(n, locale);
  if (!approximate) return number;
  return locale === "nl" ? `ongeveer ${number}` : `about ${number}`;
}

/**
 * A number in the locale's own grouping and decimal mark. Digits and separators only (no
 * names), which Node's and Chromium's ICU agree on, so hydrated markup matches.
 */
export function formatNumber(
  n: number,
  locale: "en" | "nl" = "en",
  options: Intl.NumberFormatOptions = {},
): string {
  return new Intl.NumberFormat(locale === "nl" ? "nl-NL" : "en-GB", options).format(n);
}

export function formatBytes(n: number, locale: "en" | "nl" = "en"): string {
  const one = { maximumFractionDigits: 1, minimumFractionDigits: 1 };
  if (n < 1024) return `${formatNumber(n, locale)} B`;
  if (n < 1024 ** 2) return `${formatNumber(n / 1024, locale, one)} KB`;
  return `${formatNumber(n / 1024 ** 2, locale, one)} MB`;
}

export const categoryHref = (id: string) =>
  id === "profile" ? "/account/profile" : `/account/data/${id}`;
