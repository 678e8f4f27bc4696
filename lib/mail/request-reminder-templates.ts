import { organisation } from "@/lib/organisation";
import type { RequestKind } from "@/lib/requests/clock";
import { formatDate } from "@/lib/format";
import { appLink, greeting, renderMail, type MailContent } from "./render";

const signOff = `Kind regards,\nThe ${organisation.shortName} privacy team`;

/** What the holder asked for, in words that finish "your request for …". */
export const REQUEST_KIND_WORDS: Record<RequestKind, string> = {
  access: "a copy of your data",
  rectification: "a correction of your data",
  erasure: "the erasure of your data",
  restriction: "a restriction of how we use your data",
  portability: "your data in a portable format",
  objection: "an objection to how we use your data",
  withdraw_consent: "the withdrawal of your consent",
};

/**
 * The holder hears from us before the due date even when nobody has answered yet: the request
 * is not forgotten, and this is the date by which they will have an answer. A holder with an
 * account gets a link to the request's page; a visitor has only the reference to quote.
 */
export function requestReminderMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: RequestKind;
  dueAt: Date;
  /** Path of the request's page for a signed-in holder; none for a visitor. */
  path?: string | null;
}): MailContent {
  return renderMail(`Your request ${p.reference} is still being worked on`, [
    greeting(p.name),
    `We have not forgotten your request for ${REQUEST_KIND_WORDS[p.kind]} (reference ` +
      `${p.reference}). We are still working on it, and you will hear from us by ` +
      `${formatDate(p.dueAt)} at the latest.`,
    ...(p.path ? [{ href: appLink(p.appUrl, p.path), label: "See your request" }] : []),
    `If you have questions in the meantime, write to ${organisation.contactEmail} and mention ` +
      `${p.reference}.`,
    signOff,
  ]);
}
