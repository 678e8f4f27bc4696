import { organisation } from "@/lib/organisation";
import { dueInWords, kindLabel } from "@/lib/requests/kinds";
import { appLink, formatTime, greeting, oneLine, renderMail, type MailContent } from "./render";

const signOff = `Thank you,\nThe ${organisation.shortName} privacy team`;

/** Where a request is followed: the holder's tracker, or a visitor's signed tracker link. */
export function requestTrackerPath(p: { reference: string } | { trackToken: string }): string {
  return "trackToken" in p
    ? `/requests/track/${encodeURIComponent(p.trackToken)}`
    : `/account/requests/${encodeURIComponent(p.reference)}`;
}

/** The receipt: reference, what was asked, when the answer is due, where to follow it. */
export function requestReceivedMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: string;
  dueAt: Date;
  dueDays: number;
  trackerPath: string;
}): MailContent {
  return renderMail(`We received your request ${p.reference}`, [
    greeting(p.name),
    `We received your request "${kindLabel(p.kind)}". Its reference is ${p.reference}.`,
    `We answer ${dueInWords(p.dueDays)}: by ${formatTime(p.dueAt)} at the latest. If we need more time we tell you why before then.`,
    { href: appLink(p.appUrl, p.trackerPath), label: "Follow your request" },
    "You can add a message or cancel the request from that page.",
    signOff,
  ]);
}

export function requestCancelledMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: string;
  trackerPath: string;
}): MailContent {
  return renderMail(`Your request ${p.reference} is cancelled`, [
    greeting(p.name),
    `As you asked, we cancelled your request "${kindLabel(p.kind)}" (${p.reference}). We will not work on it any further.`,
    { href: appLink(p.appUrl, p.trackerPath), label: "See the request" },
    "If you did not cancel it, or change your mind, you can make a new request at any time.",
    signOff,
  ]);
}

/**
 * The public form's confirmation link. Same text whether or not the address has an account: the
 * request is linked to the address only, so only its owner can start it.
 */
export function confirmPublicRequestMail(p: {
  appUrl: string;
  token: string;
  kind: string;
  expiresInHours: number;
  dueDays: number;
}): MailContent {
  return renderMail("Confirm your privacy request", [
    greeting(null),
    `Someone, perhaps you, asked us through our website: "${oneLine(kindLabel(p.kind))}", giving this email address.`,
    `To send the request, confirm that this address is yours. The link works once, for ${p.expiresInHours} hours; our answer is due ${dueInWords(p.dueDays)} of your confirmation.`,
    {
      href: appLink(p.appUrl, "/requests/verify", { token: p.token }),
      label: "Confirm my request",
    },
    "If you did not ask for this, ignore this message: nothing is sent without the confirmation.",
    signOff,
  ]);
}
