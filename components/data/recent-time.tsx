import { LocalTime } from "@/components/i18n/local-time";

const RECENT_MS = 48 * 3_600_000;

/**
 * A time in a list: "3 hours ago" while it is recent (two days), the date and time after
 * that; the exact time is always in the title. `now` is the server's, so the browser's first
 * render agrees with it.
 */
export function RecentTime({ value, now }: { value: Date | null; now: Date }) {
  if (!value) return <LocalTime value={null} />;
  const recent = now.getTime() - value.getTime() < RECENT_MS;
  return (
    <LocalTime
      value={value}
      style={recent ? "ago" : "dateTime"}
      now={now}
      className="whitespace-nowrap"
    />
  );
}
