/** What a requester is told when a change to their request cannot be made. */
export const OUTCOME_TEXT = {
  not_found: "We could not find this request.",
  closed: "This request is already closed, so it cannot be changed. You can make a new one.",
} as const;
