import { organisation } from "@/lib/organisation";
import { appLink, formatTime, greeting, oneLine, renderMail, type MailContent } from "./render";
import { mailPaths } from "./templates";

const product = organisation.productName;
const signOff = `Kind regards,\nThe ${organisation.shortName} privacy team`;

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
}): MailContent {
  return renderMail(`An administrator opened your ${product} account without your permission`, [
    greeting(p.name),
    `${oneLine(p.adminName)}, an administrator at ${organisation.shortName}, started viewing your ` +
      `account on ${formatTime(p.startedAt)} without a support grant from you. We allow this only ` +
      `in an emergency, with a written reason. They can see your account but cannot change anything.`,
    `The reason they gave: "${oneLine(p.justification)}"`,
    "You can see what they looked at here:",
    { href: appLink(p.appUrl, mailPaths.staffAccess), label: "Access by our staff" },
    `If you have questions or want to object, write to ${organisation.contactEmail}.`,
    signOff,
  ]);
}
