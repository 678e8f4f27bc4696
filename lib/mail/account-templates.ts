import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import { mailTranslator } from "./i18n";
import { appLink, greeting, renderMail, signOff, type MailContent } from "./render";

const product = organisation.productName;

export const resetPasswordPath = "/reset-password";

/** A single-use link to choose a new password. */
export function passwordResetMail(p: {
  appUrl: string;
  name?: string | null;
  token: string;
  expiresInHours: number;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.reset.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.reset.body", { hours: p.expiresInHours }),
      {
        href: appLink(p.appUrl, resetPasswordPath, { token: p.token }),
        label: t("account.newPassword"),
      },
      t("account.reset.ignore"),
      signOff(locale),
    ],
    locale,
  );
}

/**
 * Someone tried to sign up with an address that already has an account. The sign-up page says
 * the same thing either way ("check your email"), so only the address's owner learns of it.
 */
export function signUpExistingAccountMail(p: {
  appUrl: string;
  name?: string | null;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.signUpExisting.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.signUpExisting.body"),
      { href: appLink(p.appUrl, "/sign-in"), label: t("account.signUpExisting.signIn") },
      { href: appLink(p.appUrl, "/forgot-password"), label: t("account.signUpExisting.forgot") },
      signOff(locale),
    ],
    locale,
  );
}
