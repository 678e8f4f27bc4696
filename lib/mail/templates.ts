import { organisation } from "@/lib/organisation";
import { appLink, formatTime, greeting, oneLine, renderMail, type MailContent } from "./render";

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
const signOff = `Kind regards,\nThe ${organisation.shortName} privacy team`;

type Base = { appUrl: string; name?: string | null };

/**
 * Mail to an address nobody has proved yet carries no text the requester chose: anyone can make
 * us send it to anyone, so a name typed into a form would be our words to a stranger.
 */
type Unverified = { appUrl: string };

/** Sent to a new account's address. */
export function verifyEmailMail(
  p: Unverified & { token: string; expiresInHours: number },
): MailContent {
  return renderMail(`Confirm your email address for ${product}`, [
    greeting(null),
    `Please confirm that this is your email address, so we can reach you about your privacy ` +
      `requests. The link works for ${p.expiresInHours} hours.`,
    {
      href: appLink(p.appUrl, mailPaths.verifyEmail, { token: p.token }),
      label: "Confirm my email",
    },
    "If you did not create an account, you can ignore this message: nothing happens " +
      "unless someone follows the link.",
    signOff,
  ]);
}

/** Sent to the NEW address: the change happens only when its owner follows the link. */
export function confirmEmailChangeMail(
  p: Unverified & { token: string; newEmail: string; expiresInHours: number },
): MailContent {
  return renderMail(`Confirm your new email address for ${product}`, [
    greeting(null),
    `Someone asked to use ${oneLine(p.newEmail)} for their ${product} account. If that was ` +
      `you, confirm it with the link below within ${p.expiresInHours} hours.`,
    {
      href: appLink(p.appUrl, mailPaths.confirmEmailChange, { token: p.token }),
      label: "Use this address",
    },
    "If it was not you, ignore this message: the account keeps its current address.",
    signOff,
  ]);
}

/**
 * Sent to the OLD address. Deliberately without any link that acts on the account: whoever can
 * read this mailbox may not be the account holder any more. The new address is partly hidden.
 */
export function emailChangedNoticeMail(
  p: Omit<Base, "appUrl"> & { newEmail: string; changedAt: Date },
): MailContent {
  return renderMail(`Your ${product} email address was changed`, [
    greeting(p.name),
    `On ${formatTime(p.changedAt)} the email address of your ${product} account was changed ` +
      `to ${maskEmail(p.newEmail)}. We will send account messages there from now on.`,
    `If you did not make this change, please write to ${contact} straight away and we will ` +
      `help you get your account back.`,
    signOff,
  ]);
}

/**
 * Sent to an address that already has an account when someone asked to move their own account
 * to it. The requester is told the same as for any address ("check your inbox"), so only this
 * owner learns of it; nothing here names the requester or acts on either account.
 */
export function emailChangeAttemptMail(p: Omit<Base, "appUrl">): MailContent {
  return renderMail(`Someone tried to use your email address for ${product}`, [
    greeting(p.name),
    `Someone asked to move another ${product} account to this email address. It already ` +
      `belongs to your account, so nothing was changed and no account was moved.`,
    `You do not need to do anything. If this keeps happening, write to ${contact}.`,
    signOff,
  ]);
}

export function passwordChangedMail(p: Base & { changedAt: Date }): MailContent {
  return renderMail(`Your ${product} password was changed`, [
    greeting(p.name),
    `The password of your ${product} account was changed on ${formatTime(p.changedAt)}.`,
    "If that was you, there is nothing to do.",
    `If it was not you, choose a new password now and tell us at ${contact}:`,
    { href: appLink(p.appUrl, mailPaths.resetPassword), label: "Choose a new password" },
    signOff,
  ]);
}

/** Confirms a "this wasn't me" report: what we did about it and what to do next. */
export function securityReportMail(
  p: Base & { reportedAt: Date; what: string; sessionsEnded: number; tokensRevoked?: number },
): MailContent {
  const ended =
    p.sessionsEnded === 1 ? "1 signed-in device" : `${p.sessionsEnded} signed-in devices`;
  const tokens = p.tokensRevoked
    ? ` and revoked ${p.tokensRevoked === 1 ? "the access token" : `the ${p.tokensRevoked} access tokens`} made since then (create new ones for your printers and Cura)`
    : "";
  return renderMail(`We secured your ${product} account`, [
    greeting(p.name),
    `On ${formatTime(p.reportedAt)} you told us that this was not you: ${oneLine(p.what)}.`,
    `To be safe we signed out ${ended}${tokens}. Please choose a new password before you sign in again:`,
    { href: appLink(p.appUrl, mailPaths.resetPassword), label: "Choose a new password" },
    `Our team has been told and will look into it. If you have questions, or anything else ` +
      `looks wrong, write to ${contact}.`,
    signOff,
  ]);
}

/** Double opt-in: nothing is sent to the list until the owner of the address confirms. */
export function newsletterConfirmMail(
  p: Base & { token: string; newsletter: string },
): MailContent {
  return renderMail(`Please confirm your subscription to ${oneLine(p.newsletter)}`, [
    greeting(p.name),
    `Someone asked us to send ${oneLine(p.newsletter)} to this address. ` +
      `We only do that if you confirm:`,
    {
      href: appLink(p.appUrl, mailPaths.newsletterConfirm, { token: p.token }),
      label: "Yes, subscribe me",
    },
    "If you did not ask for it, ignore this message and you will not hear from us about it. " +
      "You can unsubscribe at any time from the link in every newsletter or from your account.",
    signOff,
  ]);
}

/** Tells the account holder, as it starts, that a support agent is viewing their account. */
export function impersonationStartedMail(
  p: Base & { agentName: string; ticket: string; startedAt: Date },
): MailContent {
  return renderMail(`A support agent is viewing your ${product} account`, [
    greeting(p.name),
    `${oneLine(p.agentName)} from our support team started viewing your account on ` +
      `${formatTime(p.startedAt)} for ticket ${oneLine(p.ticket)}, using the access you gave ` +
      `us. They can see your account but cannot change anything.`,
    "You can see what they looked at, and withdraw the access at any time:",
    { href: appLink(p.appUrl, mailPaths.staffAccess), label: "Access by our staff" },
    `If you did not ask us for help, withdraw the access and write to ${contact}.`,
    signOff,
  ]);
}

/** "jane.doe@example.com" → "j•••e@example.com": enough to recognise, not enough to read off. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf("@");
  if (at < 1) return "•••";
  const local = email.slice(0, at);
  const shown = local.length <= 2 ? `${local[0]}•••` : `${local[0]}•••${local.at(-1)}`;
  return `${shown}${oneLine(email.slice(at))}`;
}
