import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import { mailTranslator } from "./i18n";
import {
  appLink,
  formatTime,
  greeting,
  oneLine,
  renderMail,
  signOff,
  type MailContent,
} from "./render";
import { mailPaths } from "./templates";

const product = organisation.productName;

/**
 * Sent at once when an administrator opens an account WITHOUT the holder's permission
 * ("break glass"). The justification is quoted: the holder is entitled to know why.
 */
export function breakGlassStartedMail(p: {
  appUrl: string;
  name?: string | null;
  adminName: string;
  justification: string;
  startedAt: Date;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("support.breakGlass.subject", { product }),
    [
      greeting(p.name, locale),
      t("support.breakGlass.body", {
        admin: oneLine(p.adminName),
        team: organisation.shortName,
        at: formatTime(p.startedAt, locale),
      }),
      t("support.breakGlass.reason", { reason: oneLine(p.justification) }),
      t("support.breakGlass.see"),
      { href: appLink(p.appUrl, mailPaths.staffAccess), label: t("support.staffAccess") },
      t("support.breakGlass.questions", { contact: organisation.contactEmail }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}
