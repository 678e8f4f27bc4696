import { randomInt } from "node:crypto";

/**
 * The legal clock of a privacy request, as pure functions: the app's config supplies the days
 * (lib/env-schema.ts REQUEST_*), tests supply their own.
 */

export const REQUEST_KINDS = [
  "access",
  "rectification",
  "erasure",
  "restriction",
  "portability",
  "objection",
  "withdraw_consent",
  "other",
] as const;
export type RequestKind = (typeof REQUEST_KINDS)[number];

export const REQUEST_STATUSES = [
  "received",
  "in_progress",
  "extended",
  "completed",
  "denied",
  "cancelled",
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];

/** Statuses in which the clock runs: the request still needs an answer. */
export const OPEN_STATUSES = ["received", "in_progress", "extended"] as const;
export type OpenStatus = (typeof OPEN_STATUSES)[number];

export function isOpen(status: string): status is OpenStatus {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

const DAY_MS = 86_400_000;

/** Adds (possibly fractional) days to a time. */
export function addDays(from: Date, days: number): Date {
  return new Date(from.getTime() + days * DAY_MS);
}

/** When an answer is due: `dueDays` after receipt. */
export function dueAtFor(receivedAt: Date, dueDays: number): Date {
  return addDays(receivedAt, dueDays);
}

/**
 * The latest due date one extension may set: the original due date plus at most
 * `maxExtensionDays` (two further months in law, art. 12(3)).
 */
export function latestExtendedDueAt(originalDueAt: Date, maxExtensionDays: number): Date {
  return addDays(originalDueAt, maxExtensionDays);
}

/** Past its due date and still unanswered. */
export function isOverdue(r: { status: string; dueAt: Date }, now: Date): boolean {
  return isOpen(r.status) && r.dueAt.getTime() < now.getTime();
}

/** Whole days a request is past its due date (at least 1 once it is overdue at all). */
export function overdueDays(dueAt: Date, now: Date): number {
  return Math.max(1, Math.floor((now.getTime() - dueAt.getTime()) / DAY_MS));
}

// No 0/O, 1/I/L: a reference is read aloud over the phone and typed from a letter.
const REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

function code(length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += REFERENCE_ALPHABET[randomInt(REFERENCE_ALPHABET.length)];
  return out;
}

/** A human reference such as "PR-7K2M-Q9" (31^6 ≈ 887 million; the column is unique). */
export function newRequestReference(): string {
  return `PR-${code(4)}-${code(2)}`;
}

export const REFERENCE_PATTERN = /^PR-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{2}$/;
