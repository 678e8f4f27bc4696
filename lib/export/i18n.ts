import { createTranslator } from "use-intl/core";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";

/**
 * The export namespace's words in the holder's language, for files made outside React (the
 * README and the HTML copy). The holder's account language, not the viewer's: an export is
 * theirs to keep.
 */
export function exportTranslator(locale: Locale = defaultLocale) {
  return createTranslator({ locale, messages: messages[locale], namespace: "export" });
}

export type ExportTranslator = ReturnType<typeof exportTranslator>;
