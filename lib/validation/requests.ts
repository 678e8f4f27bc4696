import { z } from "zod";
import { emailSchema } from "@/lib/validation/auth";
import { HOLDER_FORM_KINDS, KINDS_NEEDING_DETAILS, PUBLIC_FORM_KINDS } from "@/lib/requests/kinds";

export const DETAILS_MAX = 2000;

const details = z.string().trim().max(DETAILS_MAX, "validation.request.detailsTooLong");

function needDetails(v: { kind: string; details: string }, ctx: z.RefinementCtx) {
  if (KINDS_NEEDING_DETAILS.includes(v.kind as never) && v.details.length === 0) {
    ctx.addIssue({
      code: "custom",
      path: ["details"],
      message:
        v.kind === "rectification"
          ? "validation.request.rectificationDetails"
          : "validation.request.otherDetails",
    });
  }
}

const kindError = { error: "validation.request.kind" };

/** The holder's request form (/account/requests/new), on the client and in the action. */
export const holderRequestSchema = z
  .object({ kind: z.enum(HOLDER_FORM_KINDS, kindError), details })
  .superRefine(needDetails);
export type HolderRequestInput = z.input<typeof holderRequestSchema>;

/** The public form (/requests/new): the same, plus the address we confirm first. */
export const publicRequestSchema = z
  .object({
    email: emailSchema,
    kind: z.enum(PUBLIC_FORM_KINDS, kindError),
    details,
  })
  .superRefine(needDetails);
export type PublicRequestInput = z.input<typeof publicRequestSchema>;

export const requestMessageSchema = z.object({
  message: z
    .string()
    .trim()
    .min(1, "validation.request.message")
    .max(DETAILS_MAX, "validation.request.detailsTooLong"),
});
export type RequestMessageInput = z.input<typeof requestMessageSchema>;
