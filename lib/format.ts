/**
 * Every date and time the app shows goes through this module. Times are shown in UTC, spelled
 * out ("1 Mar 2026, 23:30 UTC"): a person is never left guessing which zone a time is in, and the
 * server and the browser render the same text whatever either's zone (a client component
 * formatting in the browser's zone would not match the server's HTML: a hydration error).
 * Month names come from this file, not from Intl: Node's and Chromium's ICU data differ
 * (en-GB's September is "Sept" in one and "Sep" in another), and hydrated markup must match.
 */
type DateInput = Date | string | number | null | undefined;

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const LONG_MONTHS = [
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
];

const two = (n: number) => String(n).padStart(2, "0");

function parts(input: DateInput) {
  if (input === null || input === undefined || input === "") return null;
  const d = new Date(input);
  if (Number.isNaN(d.getTime())) return null;
  return {
    day: d.getUTCDate(),
    month: d.getUTCMonth(),
    year: d.getUTCFullYear(),
    hm: `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`,
    seconds: two(d.getUTCSeconds()),
  };
}

/** "1 Mar 2026, 23:30 UTC"; "—" for no date. */
export function formatDateTime(date: DateInput): string {
  const p = parts(date);
  return p ? `${p.day} ${MONTHS[p.month]} ${p.year}, ${p.hm} UTC` : "—";
}

/** "1 Mar 2026" (the UTC day); "—" for no date. */
export function formatDate(date: DateInput): string {
  const p = parts(date);
  return p ? `${p.day} ${MONTHS[p.month]} ${p.year}` : "—";
}

/** "23:30:05 UTC": a time of day on a page that already says which day. */
export function formatTime(date: DateInput): string {
  const p = parts(date);
  return p ? `${p.hm}:${p.seconds} UTC` : "—";
}

/** "1 Mar": a chart's axis, where the year is in the caption. */
export function formatDayMonth(date: DateInput): string {
  const p = parts(date);
  return p ? `${p.day} ${MONTHS[p.month]}` : "—";
}

/** "1 March 2026 at 23:30 UTC": mail, read away from the app, spells the month out. */
export function formatLongDateTime(date: DateInput): string {
  const p = parts(date);
  return p ? `${p.day} ${LONG_MONTHS[p.month]} ${p.year} at ${p.hm} UTC` : "—";
}

/**
 * "just now", "5 minutes ago", "3 hours ago", "2 days ago": how long before `now`, rounded
 * down. Only for text rendered once on the server (or next to the exact time): the same input
 * gives a different answer a minute later, so it must never be recomputed during hydration.
 */
export function formatTimeAgo(date: DateInput, now: Date | number): string {
  const p = date === null || date === undefined || date === "" ? NaN : new Date(date).getTime();
  if (Number.isNaN(p)) return "—";
  const seconds = Math.floor((new Date(now).getTime() - p) / 1000);
  if (seconds < 0) return "in the future";
  if (seconds < 60) return "just now";
  const units: [number, string][] = [
    [86_400 * 365, "year"],
    [86_400 * 30, "month"],
    [86_400, "day"],
    [3_600, "hour"],
    [60, "minute"],
  ];
  for (const [size, unit] of units) {
    const n = Math.floor(seconds / size);
    if (n >= 1) return `${n} ${unit}${n === 1 ? "" : "s"} ago`;
  }
  return "just now";
}
