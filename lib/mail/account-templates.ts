import { organisation } from "@/lib/organisation";
import { appLink, greeting, renderMail, type MailContent } from "./render";

const product = organisation.productName;
const signOff = `Thank you,\nThe ${organisation.shortName} privacy team`;

export const resetPasswordPath = "/reset-password";

/** A single-use link to choose a new password. */
export function passwordResetMail(p: {
  appUrl: string;
  name?: string | null;
  token: string;
  expiresInHours: number;
}): MailContent {
  return renderMail(`Choose a new password for ${product}`, [
    greeting(p.name),
    `Use the link below to choose a new password. It works once, for ${p.expiresInHours} hours.`,
    {
      href: appLink(p.appUrl, resetPasswordPath, { token: p.token }),
      label: "Choose a new password",
    },
    "If you did not ask for this, you can ignore this message: your password stays as it is.",
    signOff,
  ]);
}

/**
 * Someone tried to sign up with an address that already has an account. The sign-up page says
 * the same thing either way ("check your email"), so only the address's owner learns of it.
 */
export function signUpExistingAccountMail(p: {
  appUrl: string;
  name?: string | null;
}): MailContent {
  return renderMail(`You already have a ${product} account`, [
    greeting(p.name),
    "Someone, perhaps you, tried to create an account with this email address. You already have one, so nothing was changed.",
    { href: appLink(p.appUrl, "/sign-in"), label: "Sign in" },
    { href: appLink(p.appUrl, "/forgot-password"), label: "Forgot your password?" },
    signOff,
  ]);
}
