import { organisation } from "@/lib/organisation";
import { kindWords } from "@/lib/requests/kinds";
import type { RequestKind } from "@/lib/requests/clock";
import { appLink, formatTime, greeting, renderMail, type Block, type MailContent } from "./render";

const signOff = `Kind regards,\nThe ${organisation.shortName} privacy team`;

/** What staff did to a request that the requester is told about (an internal note is not). */
export type RequestUpdateChange = "question" | "in_progress" | "completed" | "denied" | "extended";

/** The holder's tracker for a request; visitors without an account have none to sign in to. */
export const requestTrackerPath = (reference: string) =>
  `/account/requests/${encodeURIComponent(reference)}`;

/**
 * One mail for every visible change to a privacy request. The text staff wrote (question,
 * answer, reason) is quoted whole: it is the answer the requester is owed.
 */
export function requestUpdateMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: RequestKind;
  change: RequestUpdateChange;
  /** The question, answer or reason staff wrote; none for "in progress". */
  text?: string | null;
  dueAt: Date;
  /** True when the requester has an account to read the request in. */
  hasAccount: boolean;
}): MailContent {
  const what = `your request for ${kindWords(p.kind)} (reference ${p.reference})`;
  const quoted = p.text ? [p.text] : [];
  const by = {
    question: {
      subject: `A question about your privacy request ${p.reference}`,
      blocks: [
        `We need some more information to handle ${what}. Our question:`,
        ...quoted,
        `Please answer before ${formatTime(p.dueAt)}, the date by which we owe you an answer.`,
      ],
    },
    in_progress: {
      subject: `We are working on your privacy request ${p.reference}`,
      blocks: [
        `We have started working on ${what}. We will answer by ${formatTime(p.dueAt)} at the latest.`,
      ],
    },
    completed: {
      subject: `Your privacy request ${p.reference} is complete`,
      blocks: [`We have completed ${what}. Our answer:`, ...quoted],
    },
    denied: {
      subject: `We cannot carry out your privacy request ${p.reference}`,
      blocks: [
        `We have decided not to carry out ${what}. Our reason:`,
        ...quoted,
        `If you disagree, you may complain to the ${organisation.supervisoryAuthority.name} ` +
          `(${organisation.supervisoryAuthority.url}) or go to court.`,
      ],
    },
    extended: {
      subject: `We need more time for your privacy request ${p.reference}`,
      blocks: [
        `We need more time to handle ${what}. We will now answer by ${formatTime(p.dueAt)}. Our reason:`,
        ...quoted,
      ],
    },
  }[p.change];
  const link: Block[] = p.hasAccount
    ? [
        "You can follow the request in your account:",
        { href: appLink(p.appUrl, requestTrackerPath(p.reference)), label: "See your request" },
      ]
    : [];
  return renderMail(by.subject, [
    greeting(p.name),
    ...by.blocks,
    ...link,
    `Questions? Reply to ${organisation.contactEmail} and mention ${p.reference}.`,
    signOff,
  ]);
}
