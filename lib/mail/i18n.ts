import { createTranslator } from "use-intl/core";
import { defaultLocale, isLocale, type Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";

/**
 * Mail is written in its recipient's language (their account's, or for a visitor the language
 * they used the site in), never the language of whoever caused it: a support agent's action
 * still mails a Dutch holder in Dutch.
 */
export function mailTranslator(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "mail" });
}

/** The requests namespace (kinds and statuses), for mail about a request. */
export function requestWords(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "requests" });
}

export type MailTranslator = ReturnType<typeof mailTranslator>;

/** A stored or negotiated language, or English. */
export const mailLocale = (value: unknown): Locale => (isLocale(value) ? value : defaultLocale);
