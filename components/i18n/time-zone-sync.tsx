"use client";
import { useEffect } from "react";
import { TIME_ZONE_COOKIE } from "@/lib/i18n/config";

/**
 * Tells the server the browser's time zone (a cookie), so that the next page's times are
 * rendered in it from the start. Not personal data beyond what every request's clock implies;
 * first-party, a year, SameSite=Lax.
 */
export function TimeZoneSync() {
  useEffect(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!zone) return;
    const current = document.cookie
      .split("; ")
      .find((c) => c.startsWith(`${TIME_ZONE_COOKIE}=`))
      ?.slice(TIME_ZONE_COOKIE.length + 1);
    if (current !== encodeURIComponent(zone)) {
      const secure = location.protocol === "https:" ? "; Secure" : "";
      document.cookie = `${TIME_ZONE_COOKIE}=${encodeURIComponent(zone)}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`;
    }
  }, []);
  return null;
}
