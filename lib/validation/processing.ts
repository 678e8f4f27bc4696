import { z } from "zod";

/** A switch on /account/processing. Whether the scope exists is checked against the catalog. */
export const processingChoiceSchema = z.object({
  kind: z.enum(["restriction", "objection"]),
  scope: z.string().regex(/^[a-z-]{1,40}$/),
  on: z.boolean(),
});
export type ProcessingChoiceInput = z.infer<typeof processingChoiceSchema>;
