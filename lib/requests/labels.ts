import type { RequestKind, RequestStatus } from "./clock";

/** Request kinds and statuses in words, for staff and holders alike. */
export const REQUEST_KIND_LABELS: Record<RequestKind, string> = {
  access: "Access to my data",
  rectification: "Correct my data",
  erasure: "Erase my data",
  restriction: "Restrict processing",
  portability: "Data portability",
  objection: "Object to processing",
  withdraw_consent: "Withdraw consent",
};

export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  received: "Received",
  in_progress: "In progress",
  extended: "Extended",
  completed: "Completed",
  denied: "Denied",
  cancelled: "Cancelled",
};

const DAY_MS = 86_400_000;

/** Whole days a request is past its due date (at least 1 once it is overdue at all). */
export function overdueDays(dueAt: Date, now: Date): number {
  return Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));
}
