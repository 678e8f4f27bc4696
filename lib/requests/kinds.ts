import type { RequestKind, RequestStatus } from "./clock";

/**
 * How every page and mail names a request kind and a status. Pure and client-safe: the days come
 * from the caller (env.REQUEST_DUE_DAYS on the server), never from process.env here.
 */
/** label: the holder's words for it; description: one line on what happens; words: what finishes
 * "your request for …" in mail. */
export const KIND_TEXT: Record<RequestKind, { label: string; description: string; words: string }> =
  {
    access: {
      label: "Get a copy of my data",
      description:
        "We tell you what we hold about you, why, where it came from and who received it.",
      words: "a copy of your data",
    },
    rectification: {
      label: "Correct my data",
      description: "Tell us what is wrong or incomplete and what it should say; we fix it.",
      words: "a correction of your data",
    },
    erasure: {
      label: "Delete my data",
      description: "We delete your account and the data we hold about you, after a grace period.",
      words: "the erasure of your data",
    },
    restriction: {
      label: "Limit what you do with my data",
      description:
        "We keep your data but stop using it, except to store it, while a question is open.",
      words: "a restriction of how we use your data",
    },
    portability: {
      label: "Send me my data to take elsewhere",
      description:
        "Your data in a machine-readable file (JSON or CSV) you can give to another service.",
      words: "your data in a portable format",
    },
    objection: {
      label: "Object to how you use my data",
      description:
        "We stop a use based on our legitimate interest, unless we have compelling grounds.",
      words: "an objection to how we use your data",
    },
    withdraw_consent: {
      label: "Withdraw a consent I gave",
      description:
        "We stop what you had allowed, such as marketing email or tracking, from now on.",
      words: "the withdrawal of your consent",
    },
    other: {
      label: "Ask something else",
      description: "A question or request about your data that fits none of the above.",
      words: "help with a question about your data",
    },
  };

export function kindLabel(kind: string): string {
  return KIND_TEXT[kind as RequestKind]?.label ?? kind.replaceAll("_", " ");
}

/** What finishes "your request for …" in mail. */
export function kindWords(kind: string): string {
  return KIND_TEXT[kind as RequestKind]?.words ?? kindLabel(kind).toLowerCase();
}

export function kindDescription(kind: string): string {
  return KIND_TEXT[kind as RequestKind]?.description ?? "";
}

export const STATUS_TEXT: Record<RequestStatus, string> = {
  received: "Received",
  in_progress: "In progress",
  extended: "Extended",
  completed: "Completed",
  denied: "Declined",
  cancelled: "Cancelled",
};

export function statusLabel(status: string): string {
  return STATUS_TEXT[status as RequestStatus] ?? status.replaceAll("_", " ");
}

/** "within 30 days": how long an answer takes, for forms and mail. */
export function dueInWords(days: number): string {
  return `within ${days} ${days === 1 ? "day" : "days"}`;
}

/** Kinds the holder files on /account/requests/new; erasure and restriction have their pages. */
export const HOLDER_FORM_KINDS = [
  "access",
  "rectification",
  "portability",
  "withdraw_consent",
  "other",
] as const satisfies readonly RequestKind[];

/** Kinds that have their own page instead of the request form. */
export const KINDS_WITH_OWN_PAGE: { kind: RequestKind; href: string; label: string }[] = [
  { kind: "erasure", href: "/account/delete", label: "Delete my account" },
  { kind: "restriction", href: "/account/processing", label: "Restrict or object to processing" },
];

/** Kinds a visitor without an account may ask for; staff work them by hand. */
export const PUBLIC_FORM_KINDS = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "withdraw_consent",
  "other",
] as const satisfies readonly RequestKind[];

/** Kinds that need a description to be worked at all. */
export const KINDS_NEEDING_DETAILS: readonly RequestKind[] = ["rectification", "other"];

/** Who a timeline entry is from, as the requester sees it. */
export type TimelineWho = "you" | "team" | "system";
export const WHO_TEXT: Record<TimelineWho, string> = {
  you: "You",
  team: "Privacy team",
  system: "System",
};

const EVENT_TEXT: Record<string, string> = {
  received: "Request received",
  verified: "Email address confirmed: the clock started",
  message: "Message",
  question: "Question from the privacy team",
  in_progress: "Work started",
  extended: "Deadline extended",
  completed: "Completed",
  denied: "Declined",
  cancelled: "Cancelled",
  reminder_sent: "Reminder sent",
  erasure_scheduled: "Erasure scheduled",
  erasure_started: "Erasure started",
  erasure_completed: "Erasure completed",
};

export function eventLabel(kind: string): string {
  return EVENT_TEXT[kind] ?? kind.replaceAll("_", " ");
}
