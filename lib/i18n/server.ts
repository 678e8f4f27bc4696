import "server-only";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { getAccountLanguage } from "@/lib/dal/session";
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatDuration,
  formatLongDateTime,
  formatTime,
  formatTimeAgo,
  type DateInput,
} from "@/lib/format";
import {
  isLocale,
  LOCALE_COOKIE,
  negotiateLocale,
  TIME_ZONE_COOKIE,
  validTimeZone,
  type Locale,
} from "./config";

/**
 * The viewer's language for this request: the signed-in account's language (the profile's
 * choice, which the switcher also sets), else the switcher's cookie, else Accept-Language.
 */
export const viewerLocale = cache(async (): Promise<Locale> => {
  const account = await getAccountLanguage();
  if (account) return account;
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  if (isLocale(chosen)) return chosen;
  return negotiateLocale((await headers()).get("accept-language"));
});

/** The browser's time zone as it last told us (a cookie), or UTC before it has. */
export const viewerTimeZone = cache(async (): Promise<string> => {
  return validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "UTC";
});

/**
 * lib/format bound to the viewer's language and zone, for text a server component builds
 * (a sentence with a date in it). A date on its own is better shown with <LocalTime>, which
 * also carries the UTC time in its title and follows the browser's zone on a first visit.
 */
export async function getViewerFormat() {
  const o = { locale: await viewerLocale(), timeZone: await viewerTimeZone() };
  return {
    ...o,
    dateTime: (d: DateInput) => formatDateTime(d, o),
    date: (d: DateInput) => formatDate(d, o),
    time: (d: DateInput) => formatTime(d, o),
    dayMonth: (d: DateInput) => formatDayMonth(d, o),
    longDateTime: (d: DateInput) => formatLongDateTime(d, o),
    timeAgo: (d: DateInput, now: Date | number = Date.now()) => formatTimeAgo(d, now, o),
    duration: (seconds: number | null | undefined) => formatDuration(seconds, o),
  };
}
