import { z } from "zod";

/** Shared by the support-access forms and their server actions. */

export const GRANT_HOURS = [1, 4, 24] as const;

export const ticketRefSchema = z
  .string()
  .trim()
  .min(3, "validation.support.ticketRef")
  .max(40, "validation.support.ticketRefTooLong")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\/#-]*$/, "validation.support.ticketRefCharacters");

export const grantSchema = z.object({
  ticketRef: ticketRefSchema,
  // Form selects give strings; actions may pass numbers.
  hours: z.coerce
    .number()
    .refine((h) => (GRANT_HOURS as readonly number[]).includes(h), "validation.support.hours"),
});

/**
 * A reason a person can read later: at least one sentence — several words, ending like a
 * sentence — not "help" or "x".
 */
export const reasonSchema = z
  .string()
  .trim()
  .min(20, "validation.reason.tooShort")
  .max(1000, "validation.reason.tooLong")
  .refine((v) => v.split(/\s+/).filter(Boolean).length >= 4, "validation.reason.sentence")
  .refine((v) => /[.!?]$/.test(v), "validation.reason.fullStop");

export const openUserSchema = z.object({
  userId: z.uuid("validation.support.account"),
  ticketRef: ticketRefSchema,
  reason: reasonSchema,
});

export const breakGlassSchema = z.object({
  userId: z.uuid("validation.support.account"),
  justification: reasonSchema,
});

export const accountSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .min(3, "validation.support.search")
    .max(254, "validation.support.searchTooLong"),
});

export type GrantInput = z.input<typeof grantSchema>;
export type OpenUserInput = z.infer<typeof openUserSchema>;
export type BreakGlassInput = z.infer<typeof breakGlassSchema>;
