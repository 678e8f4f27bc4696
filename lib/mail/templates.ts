import { organisation } from "@/lib/organisation";
import type { Locale } from "@/lib/i18n/config";
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

export { escapeHtml, type MailContent } from "./render";

/**
 * Where the links in mail lead. The pages that handle them must live at these paths; change
 * both together.
 */
export const mailPaths = {
  verifyEmail: "/verify-email",
  confirmEmailChange: "/confirm-email-change",
  newsletterConfirm: "/newsletter/confirm",
  resetPassword: "/forgot-password",
  staffAccess: "/account/staff-access",
} as const;

const contact = organisation.contactEmail;
const product = organisation.productName;

type Base = { appUrl: string; name?: string | null; locale?: Locale };

/**
 * Mail to an address nobody has proved yet carries no text the requester chose: anyone can make
 * us send it to anyone, so a name typed into a form would be our words to a stranger. Its
 * language is the one the site was used in (visitorLocale).
 */
type Unverified = { appUrl: string; locale?: Locale };

/** Sent to a new account's address. */
export function verifyEmailMail(
  p: Unverified & { token: string; expiresInHours: number },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.verify.subject", { product }),
    [
      greeting(null, locale),
      t("account.verify.body", { hours: p.expiresInHours }),
      {
        href: appLink(p.appUrl, mailPaths.verifyEmail, { token: p.token }),
        label: t("account.verify.button"),
      },
      t("account.verify.ignore"),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/** Sent to the NEW address: the change happens only when its owner follows the link. */
export function confirmEmailChangeMail(
  p: Unverified & { token: string; newEmail: string; expiresInHours: number },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.changeConfirm.subject", { product }),
    [
      greeting(null, locale),
      t("account.changeConfirm.body", {
        email: oneLine(p.newEmail),
        product,
        hours: p.expiresInHours,
      }),
      {
        href: appLink(p.appUrl, mailPaths.confirmEmailChange, { token: p.token }),
        label: t("account.changeConfirm.button"),
      },
      t("account.changeConfirm.ignore"),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/**
 * Sent to the OLD address. Deliberately without any link that acts on the account: whoever can
 * read this mailbox may not be the account holder any more. The new address is partly hidden.
 */
export function emailChangedNoticeMail(
  p: Omit<Base, "appUrl"> & { newEmail: string; changedAt: Date },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.changed.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.changed.body", {
        at: formatTime(p.changedAt, locale),
        product,
        email: maskEmail(p.newEmail),
      }),
      t("account.changed.help", { contact }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/**
 * Sent to an address that already has an account when someone asked to move their own account
 * to it. The requester is told the same as for any address ("check your inbox"), so only this
 * owner learns of it; nothing here names the requester or acts on either account.
 */
export function emailChangeAttemptMail(p: Omit<Base, "appUrl">): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.changeAttempt.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.changeAttempt.body", { product }),
      t("account.changeAttempt.help", { contact }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

export function passwordChangedMail(p: Base & { changedAt: Date }): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("account.passwordChanged.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.passwordChanged.body", { product, at: formatTime(p.changedAt, locale) }),
      t("account.passwordChanged.fine"),
      t("account.passwordChanged.notYou", { contact }),
      { href: appLink(p.appUrl, mailPaths.resetPassword), label: t("account.newPassword") },
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/**
 * Confirms a "this wasn't me" report: what we did about it and what to do next. `what` is the
 * event reported; a sign-in is given as data so its time and wording follow the language.
 */
export function securityReportMail(
  p: Base & {
    reportedAt: Date;
    what: string | { signInAt: Date; ip: string | null };
    sessionsEnded: number;
    tokensRevoked?: number;
  },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const what =
    typeof p.what === "string"
      ? p.what
      : t("account.securityReport.signIn", {
          at: formatTime(p.what.signInAt, locale),
          ip: p.what.ip ?? t("account.securityReport.unknownIp"),
        });
  return renderMail(
    t("account.securityReport.subject", { product }),
    [
      greeting(p.name, locale),
      t("account.securityReport.reported", {
        at: formatTime(p.reportedAt, locale),
        what: oneLine(what),
      }),
      p.tokensRevoked
        ? t("account.securityReport.signedOutTokens", {
            sessions: p.sessionsEnded,
            tokens: p.tokensRevoked,
          })
        : t("account.securityReport.signedOut", { sessions: p.sessionsEnded }),
      { href: appLink(p.appUrl, mailPaths.resetPassword), label: t("account.newPassword") },
      t("account.securityReport.team", { contact }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/** Double opt-in: nothing is sent to the list until the owner of the address confirms. */
export function newsletterConfirmMail(
  p: Base & { token: string; newsletter: string },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const newsletter = oneLine(p.newsletter);
  return renderMail(
    t("newsletter.confirm.subject", { newsletter }),
    [
      greeting(p.name, locale),
      t("newsletter.confirm.body", { newsletter }),
      {
        href: appLink(p.appUrl, mailPaths.newsletterConfirm, { token: p.token }),
        label: t("newsletter.confirm.button"),
      },
      t("newsletter.confirm.ignore"),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/** Tells the account holder, as it starts, that a support agent is viewing their account. */
export function impersonationStartedMail(
  p: Base & { agentName: string; ticket: string; startedAt: Date },
): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("support.impersonation.subject", { product }),
    [
      greeting(p.name, locale),
      t("support.impersonation.body", {
        agent: oneLine(p.agentName),
        at: formatTime(p.startedAt, locale),
        ticket: oneLine(p.ticket),
      }),
      t("support.impersonation.see"),
      { href: appLink(p.appUrl, mailPaths.staffAccess), label: t("support.staffAccess") },
      t("support.impersonation.notAsked", { contact }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/** "jane.doe@example.com" → "j•••e@example.com": enough to recognise, not enough to read off. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local.at(-1)}`;
  return `${shown}${oneLine(email.slice(at))}`;
}
