import { z } from "zod";

/** Shared by the support-access forms and their server actions. */

export const GRANT_HOURS = [1, 4, 24] as const;

export const ticketRefSchema = z
  .string()
  .trim()
  .min(3, "Enter the ticket reference from our support mail, like SUP-12345")
  .max(40, "Use at most 40 characters")
  .regex(/^[A-Za-z0-9][A-Za-z0-9._\/#-]*$/, "Use letters, digits and - . _ / # only");

export const grantSchema = z.object({
  ticketRef: ticketRefSchema,
  // Form selects give strings; actions may pass numbers.
  hours: z.coerce
    .number()
    .refine((h) => (GRANT_HOURS as readonly number[]).includes(h), "Choose 1, 4 or 24 hours"),
});

/**
 * A reason a person can read later: at least one sentence — several words, ending like a
 * sentence — not "help" or "x".
 */
export const reasonSchema = z
  .string()
  .trim()
  .min(20, "Write at least one full sentence (20 characters or more)")
  .max(1000, "Use at most 1000 characters")
  .refine((v) => v.split(/\s+/).filter(Boolean).length >= 4, "Write at least one full sentence")
  .refine((v) => /[.!?]$/.test(v), "End the sentence with a full stop");

export const openUserSchema = z.object({
  userId: z.uuid("Choose an account from the search"),
  ticketRef: ticketRefSchema,
  reason: reasonSchema,
});

export const breakGlassSchema = z.object({
  userId: z.uuid("Choose an account from the search"),
  justification: reasonSchema,
});

export const accountSearchSchema = z.object({
  q: z
    .string()
    .trim()
    .min(3, "Enter at least 3 characters of an email address, or an account id")
    .max(254),
});

export type GrantInput = z.input<typeof grantSchema>;
export type OpenUserInput = z.infer<typeof openUserSchema>;
export type BreakGlassInput = z.infer<typeof breakGlassSchema>;
