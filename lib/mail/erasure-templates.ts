import { organisation } from "@/lib/organisation";
import type { ReceiptLine } from "@/lib/erasure/plan";
import { appLink, formatTime, greeting, renderMail, type MailContent } from "./render";

const product = organisation.productName;
const signOff = `Thank you,\nThe ${organisation.shortName} privacy team`;

/** Where the "Keep my account" link in the mail leads; works without signing in. */
export const keepAccountPath = "/keep-account";

/** The account will be erased on `scheduledFor` unless the holder keeps it. */
export function erasureScheduledMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  scheduledFor: Date;
  token: string;
}): MailContent {
  return renderMail(`Your ${product} account will be deleted on ${formatTime(p.scheduledFor)}`, [
    greeting(p.name),
    `You asked us to delete your account (request ${p.reference}). We will delete it and your data on ${formatTime(p.scheduledFor)}. Until then your account is locked: you can still sign in to download your data, or keep your account.`,
    "Changed your mind? Use the link below and press the button on the page it opens. You do not need to sign in.",
    { href: appLink(p.appUrl, keepAccountPath, { token: p.token }), label: "Keep my account" },
    "If you did not ask for this, keep your account with the link above and change your password.",
    signOff,
  ]);
}

/** The holder kept the account: the erasure request is cancelled. */
export function erasureCancelledMail(p: { name?: string | null; reference: string }): MailContent {
  return renderMail(`Your ${product} account stays`, [
    greeting(p.name),
    `We cancelled the deletion of your account (request ${p.reference}). Nothing was deleted, and your account works as before.`,
    signOff,
  ]);
}

const verb = { delete: "deleted", anonymise: "anonymised", keep: "kept" } as const;

/** The itemised receipt, sent as the last thing before the account row goes. */
export function erasureReceiptMail(p: {
  name?: string | null;
  reference: string;
  lines: ReceiptLine[];
}): MailContent {
  const deleted = p.lines.filter((l) => l.action === "delete");
  const stayed = p.lines.filter((l) => l.action !== "delete");
  return renderMail(`Your ${product} account has been deleted`, [
    greeting(p.name),
    `As you asked (request ${p.reference}), we deleted your account and the data below. This is the last message we send you.`,
    "Deleted:\n" +
      deleted.map((l) => `- ${l.table}: ${l.rows} ${l.rows === 1 ? "row" : "rows"}`).join("\n"),
    "Kept without anything that names you:\n" +
      stayed
        .map(
          (l) =>
            `- ${l.table}: ${l.rows} ${l.rows === 1 ? "row" : "rows"} ${verb[l.action]}. ${l.how ?? ""} Why: ${l.basis ?? ""}`,
        )
        .join("\n"),
    signOff,
  ]);
}
