import { z } from "zod";
import { REQUEST_KINDS, REQUEST_STATUSES } from "@/lib/requests/clock";
import { reasonSchema } from "./support";

/** Shared by the staff request queue's forms, its page's search params and its server actions. */

/** The queue's status filter: the open ones (default), every request, or one status. */
export const QUEUE_STATUS_FILTERS = ["open", "all", ...REQUEST_STATUSES] as const;
export type QueueStatusFilter = (typeof QUEUE_STATUS_FILTERS)[number];

/**
 * The queue's search params. A value that is not one of ours (an old bookmark, a typo) is
 * ignored rather than refused: the page then shows the unfiltered queue and says so.
 */
export const queueFiltersSchema = z.object({
  kind: z.enum(REQUEST_KINDS).optional().catch(undefined),
  status: z.enum(QUEUE_STATUS_FILTERS).catch("open"),
  q: z.string().trim().max(200).optional().catch(undefined),
});
export type QueueFilters = z.infer<typeof queueFiltersSchema>;

const requestId = z.uuid("validation.staffRequest.unknown");

const text = (required: string) =>
  z.string().trim().min(1, required).max(4000, "validation.staffRequest.tooLong");

export const noteSchema = z.object({ requestId, note: text("validation.staffRequest.note") });
export type NoteInput = z.infer<typeof noteSchema>;

export const questionSchema = z.object({
  requestId,
  question: text("validation.staffRequest.question"),
});
export type QuestionInput = z.infer<typeof questionSchema>;

export const progressSchema = z.object({ requestId });
export type ProgressInput = z.infer<typeof progressSchema>;

export const completeSchema = z.object({
  requestId,
  answer: text("validation.staffRequest.answer"),
});
export type CompleteInput = z.infer<typeof completeSchema>;

export const denySchema = z.object({ requestId, reason: reasonSchema });
export type DenyInput = z.infer<typeof denySchema>;

export const extendSchema = z.object({
  requestId,
  reason: reasonSchema,
  /** A calendar day (UTC); the new due time keeps the original's time of day. */
  dueDate: z.iso.date("validation.staffRequest.dueDate"),
});
export type ExtendInput = z.infer<typeof extendSchema>;
