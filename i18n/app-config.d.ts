import type { Locale } from "@/lib/i18n/config";
import type { Messages } from "@/lib/i18n/messages";

// Typed keys: t("data.printers.title") that names no English message fails `tsc`.
declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
