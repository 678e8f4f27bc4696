import { getRequestConfig } from "next-intl/server";
import { cookies } from "next/headers";
import { viewerLocale } from "@/lib/i18n/server";
import { messages } from "@/lib/i18n/messages";
import { TIME_ZONE_COOKIE, validTimeZone } from "@/lib/i18n/config";

/**
 * next-intl's configuration for one request (server components, server actions, route
 * handlers). The language: the signed-in account's, else the switcher's cookie, else
 * Accept-Language (lib/i18n/server.ts). URLs carry no language: a link works for everyone.
 */
export default getRequestConfig(async () => {
  const locale = await viewerLocale();
  const timeZone = validTimeZone((await cookies()).get(TIME_ZONE_COOKIE)?.value) ?? "UTC";
  return { locale, messages: messages[locale], timeZone };
});
