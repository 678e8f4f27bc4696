import { z } from "zod";
// The day and range rules are the export form's: one definition of a date range.
import { categoryIdSchema, optionalDay, rangeIssue, rangeOk } from "./export";

/**
 * "Delete data": a category and an optional date range (both ends inclusive, UTC days; empty
 * means no limit on that side, both empty means everything). Whether the category may be deleted
 * by its holder is the catalog's call, checked by the data layer.
 */
export const deleteDataSchema = z
  .object({ category: categoryIdSchema, from: optionalDay, to: optionalDay })
  .strict()
  .refine(rangeOk, rangeIssue);

export type DeleteDataInput = z.input<typeof deleteDataSchema>;
export type DeleteDataValues = z.output<typeof deleteDataSchema>;
