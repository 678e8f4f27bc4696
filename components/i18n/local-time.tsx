"use client";
import { useLocale, useTimeZone } from "next-intl";
import { useSyncExternalStore } from "react";
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatTime,
  formatTimeAgo,
  type DateInput,
} from "@/lib/format";

export type LocalTimeStyle = "dateTime" | "date" | "time" | "dayMonth" | "ago";

const noSubscription = () => () => {};
const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;
// A minute's tick, not Date.now(): useSyncExternalStore wants the same answer twice in a row.
const subscribeMinute = (notify: () => void) => {
  const id = setInterval(notify, 30_000);
  return () => clearInterval(id);
};
const thisMinute = () => Math.floor(Date.now() / 60_000) * 60_000;

/**
 * A time as the viewer's clock reads it, in their language: "2 Mar 2026, 00:30", or "3 hours
 * ago" (style "ago", which keeps counting). The title (hover, long press) gives the exact UTC
 * time, and <time datetime> the machine-readable one.
 *
 * The server renders in the zone the browser last reported (a cookie; UTC, labelled, before
 * that); hydration keeps the server's text, then React re-renders in the browser's own zone:
 * no hydration error whatever the two machines' zones.
 */
export function LocalTime({
  value,
  style = "dateTime",
  now,
  className,
}: {
  value: DateInput;
  style?: LocalTimeStyle;
  /** For style "ago": the server's "now", so both renders agree during hydration. */
  now?: Date | number | string;
  className?: string;
}) {
  const locale = useLocale();
  const serverZone = useTimeZone() ?? "UTC";
  const timeZone = useSyncExternalStore(noSubscription, browserZone, () => serverZone);
  const serverNow = now === undefined ? null : new Date(now).getTime();
  const clock = useSyncExternalStore(
    style === "ago" ? subscribeMinute : noSubscription,
    thisMinute,
    () => serverNow ?? thisMinute(),
  );
  const date = value === null || value === undefined || value === "" ? null : new Date(value);
  if (!date || Number.isNaN(date.getTime())) return <span className={className}>—</span>;
  const o = { locale, timeZone };
  const text =
    style === "ago"
      ? formatTimeAgo(date, Math.max(clock, serverNow ?? 0), o)
      : style === "date"
        ? formatDate(date, o)
        : style === "time"
          ? formatTime(date, o)
          : style === "dayMonth"
            ? formatDayMonth(date, o)
            : formatDateTime(date, o);
  return (
    <time
      dateTime={date.toISOString()}
      title={formatDateTime(date, { locale })}
      className={className}
    >
      {text}
    </time>
  );
}
