"use server";
// Public on purpose: anyone may choose the language they read the site in. The choice is a
// cookie; for a signed-in holder it is also the account's language (mail, export), through
// lib/dal with its own checks. A support view changes only the agent's cookie.
import { cookies } from "next/headers";
import { setMyLanguage } from "@/lib/dal/account";
import { getAccountLanguage } from "@/lib/dal/session";
import { isLocale, LOCALE_COOKIE } from "@/lib/i18n/config";
import { env } from "@/lib/env";

export async function chooseLanguageAction(locale: unknown): Promise<{ ok: boolean }> {
  if (!isLocale(locale)) return { ok: false };
  const account = await getAccountLanguage();
  if (account !== null && account !== locale) await setMyLanguage(locale);
  (await cookies()).set(LOCALE_COOKIE, locale, {
    path: "/",
    maxAge: 365 * 24 * 3600,
    sameSite: "lax",
    httpOnly: true,
    secure: env.APP_URL.startsWith("https:"),
  });
  return { ok: true };
}
