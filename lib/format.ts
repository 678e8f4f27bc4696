/**
 * Every date, time and duration the app shows goes through this module, in the viewer's
 * language ("en" | "nl") and time zone. Without a zone a time is shown in UTC and says so
 * ("1 Mar 2026, 23:30 UTC"); in another zone it is shown as the person's own clock reads it,
 * and components/i18n/local-time.tsx puts the UTC time in its title.
 *
 * Month names and units come from this file, not from Intl: Node's and Chromium's ICU data
 * differ (en-GB's September is "Sept" in one and "Sep" in another), and hydrated markup must
 * match. Intl is used only for numeric fields of a zone (formatToParts), which agree.
 */
export type DateInput = Date | string | number | null | undefined;
export type FormatLocale = "en" | "nl";
export type FormatOptions = { locale?: FormatLocale; timeZone?: string };

const MONTHS: Record<FormatLocale, string[]> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  nl: ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"],
};
const LONG_MONTHS: Record<FormatLocale, string[]> = {
  en: [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
  ],
  nl: [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
  ],
};

const two = (n: number) => String(n).padStart(2, "0");
const zoneFormatters = new Map<string, Intl.DateTimeFormat>();

function isUtc(timeZone: string | undefined): boolean {
  return !timeZone || timeZone === "UTC" || timeZone === "Etc/UTC";
}

function toDate(input: DateInput): Date | null {
  if (input === null || input === undefined || input === "") return null;
  const d = new Date(input);
  return Number.isNaN(d.getTime()) ? null : d;
}

function parts(input: DateInput, timeZone?: string) {
  const d = toDate(input);
  if (!d) return null;
  if (isUtc(timeZone)) {
    return {
      day: d.getUTCDate(),
      month: d.getUTCMonth(),
      year: d.getUTCFullYear(),
      hm: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
      seconds: two(d.getUTCSeconds()),
    };
  }
  let f = zoneFormatters.get(timeZone!);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    zoneFormatters.set(timeZone!, f);
  }
  const n: Record<string, number> = {};
  for (const p of f.formatToParts(d)) if (p.type !== "literal") n[p.type] = Number(p.value);
  return {
    day: n.day!,
    month: n.month! - 1,
    year: n.year!,
    hm: `${two(n.hour! % 24)}:${two(n.minute!)}`,
    seconds: two(n.second!),
  };
}

const suffix = (o: FormatOptions) => (isUtc(o.timeZone) ? " UTC" : "");

/** "1 Mar 2026, 23:30 UTC" (nl: "1 mrt 2026, 23:30"); "—" for no date. */
export function formatDateTime(date: DateInput, o: FormatOptions = {}): string {
  const p = parts(date, o.timeZone);
  const months = MONTHS[o.locale ?? "en"];
  return p ? `${p.day} ${months[p.month]} ${p.year}, ${p.hm}${suffix(o)}` : "—";
}

/** "1 Mar 2026" (the day in the zone); "—" for no date. */
export function formatDate(date: DateInput, o: FormatOptions = {}): string {
  const p = parts(date, o.timeZone);
  return p ? `${p.day} ${MONTHS[o.locale ?? "en"][p.month]} ${p.year}` : "—";
}

/** "23:30:05 UTC": a time of day on a page that already says which day. */
export function formatTime(date: DateInput, o: FormatOptions = {}): string {
  const p = parts(date, o.timeZone);
  return p ? `${p.hm}:${p.seconds}${suffix(o)}` : "—";
}

/** "1 Mar": a chart's axis, where the year is in the caption. */
export function formatDayMonth(date: DateInput, o: FormatOptions = {}): string {
  const p = parts(date, o.timeZone);
  return p ? `${p.day} ${MONTHS[o.locale ?? "en"][p.month]}` : "—";
}

/** "1 March 2026 at 23:30 UTC" (nl: "1 maart 2026 om 23:30 UTC"): mail spells the month out. */
export function formatLongDateTime(date: DateInput, o: FormatOptions = {}): string {
  const p = parts(date, o.timeZone);
  if (!p) return "—";
  const locale = o.locale ?? "en";
  const at = locale === "nl" ? "om" : "at";
  return `${p.day} ${LONG_MONTHS[locale][p.month]} ${p.year} ${at} ${p.hm}${suffix(o)}`;
}

type AgoUnit = "year" | "month" | "day" | "hour" | "minute";
const AGO: Record<
  FormatLocale,
  Record<AgoUnit, [string, string]> & { now: string; future: string }
> = {
  en: {
    now: "just now",
    future: "in the future",
    year: ["year ago", "years ago"],
    month: ["month ago", "months ago"],
    day: ["day ago", "days ago"],
    hour: ["hour ago", "hours ago"],
    minute: ["minute ago", "minutes ago"],
  },
  nl: {
    now: "zojuist",
    future: "in de toekomst",
    year: ["jaar geleden", "jaar geleden"],
    month: ["maand geleden", "maanden geleden"],
    day: ["dag geleden", "dagen geleden"],
    hour: ["uur geleden", "uur geleden"],
    minute: ["minuut geleden", "minuten geleden"],
  },
};

/**
 * "just now", "5 minutes ago", "3 hours ago", "2 days ago" (nl: "5 minuten geleden"): how long
 * before `now`, rounded down. Rendered on the server or by LocalTime (which keeps the server's
 * answer during hydration): the same input gives a different answer a minute later.
 */
export function formatTimeAgo(date: DateInput, now: Date | number, o: FormatOptions = {}): string {
  const words = AGO[o.locale ?? "en"];
  const d = toDate(date);
  if (!d) return "—";
  const seconds = Math.floor((new Date(now).getTime() - d.getTime()) / 1000);
  if (seconds < 0) return words.future;
  const units: [number, AgoUnit][] = [
    [86_400 * 365, "year"],
    [86_400 * 30, "month"],
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${words[unit][n === 1 ? 0 : 1]}`;
  }
  return words.now;
}

/**
 * A length of time as a person says it: "45 s", "12 min", "3 h 1 min", "2 d 4 h"
 * (nl: "3 u 1 min", "2 d 4 u"). Two units at most; "—" for nothing or a negative length.
 */
export function formatDuration(seconds: number | null | undefined, o: FormatOptions = {}): string {
  if (seconds === null || seconds === undefined || !Number.isFinite(seconds) || seconds < 0) {
    return "—";
  }
  const s = Math.round(seconds);
  const h = o.locale === "nl" ? "u" : "h";
  if (s < 60) return `${s} s`;
  if (s < 3_600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) {
    const m = Math.floor((s % 3_600) / 60);
    return `${Math.floor(s / 3_600)} ${h}${m ? ` ${m} min` : ""}`;
  }
  const hours = Math.floor((s % 86_400) / 3_600);
  return `${Math.floor(s / 86_400)} d${hours ? ` ${hours} ${h}` : ""}`;
}
