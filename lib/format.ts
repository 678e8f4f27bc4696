const dateTime = new Intl.DateTimeFormat("en-GB", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
});
const dateOnly = new Intl.DateTimeFormat("en-GB", { dateStyle: "medium", timeZone: "UTC" });

/**
 * Times are shown in UTC, spelled out: the server and the browser render the same text (no
 * hydration mismatch), and a person is never left guessing which zone a time is in.
 */
export function formatDateTime(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return `${dateTime.format(new Date(date))} UTC`;
}

export function formatDate(date: Date | string | null | undefined): string {
  if (!date) return "—";
  return dateOnly.format(new Date(date));
}
