import {
  REQUEST_KINDS,
  REQUEST_STATUSES,
  type RequestKind,
  type RequestStatus,
} from "@/lib/requests/clock";

/** A request kind or status as its message key under "support", or "other" for one we don't know. */
export function kindKey(kind: string): `kinds.${RequestKind}` {
  return `kinds.${(REQUEST_KINDS as readonly string[]).includes(kind) ? (kind as RequestKind) : "other"}`;
}

export function statusKey(status: string): `statuses.${RequestStatus}` {
  return `statuses.${(REQUEST_STATUSES as readonly string[]).includes(status) ? (status as RequestStatus) : "received"}`;
}

export function statusLowerKey(status: string): `statusLower.${RequestStatus}` {
  return `statusLower.${(REQUEST_STATUSES as readonly string[]).includes(status) ? (status as RequestStatus) : "received"}`;
}
