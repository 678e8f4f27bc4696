import { organisation } from "@/lib/organisation";
import type { RequestKind } from "@/lib/requests/clock";
import { kindLabel, kindWords } from "@/lib/requests/kinds";
import { formatDate } from "@/lib/format";
import { appLink, greeting, renderMail, type MailContent } from "./render";

const signOff = `Kind regards,\nThe ${organisation.shortName} privacy team`;

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
    `We have not forgotten your request for ${kindWords(p.kind)} (reference ` +
      `${p.reference}). We are still working on it, and you will hear from us by ` +
      `${formatDate(p.dueAt)} at the latest.`,
    ...(p.path ? [{ href: appLink(p.appUrl, p.path), label: "See your request" }] : []),
    `If you have questions in the meantime, write to ${organisation.contactEmail} and mention ` +
      `${p.reference}.`,
    signOff,
  ]);
}

/**
 * The morning digest for staff: every open request past its due date, by reference and kind
 * only (no names or addresses: the queue shows who, to those allowed to see it).
 */
export function overdueDigestMail(p: {
  appUrl: string;
  name?: string | null;
  overdue: { id: string; reference: string; kind: RequestKind; dueAt: Date }[];
}): MailContent {
  const count = p.overdue.length;
  return renderMail(`${count} privacy ${count === 1 ? "request is" : "requests are"} overdue`, [
    greeting(p.name),
    `${count === 1 ? "This request has" : "These requests have"} passed ` +
      `${count === 1 ? "its" : "their"} due date without an answer. The law gives us no ` +
      "further time unless a request was extended with a reason:",
    ...p.overdue.map((r) => ({
      href: appLink(p.appUrl, `/support/requests/${r.id}`),
      label: `${r.reference}: ${kindLabel(r.kind)}, due ${formatDate(r.dueAt)}`,
    })),
    signOff,
  ]);
}
