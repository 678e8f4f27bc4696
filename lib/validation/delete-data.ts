import { z } from "zod";
import { categoryIdSchema } from "./export";

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-01-31")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "That is not a real date",
  );
const optionalDay = z
  .union([z.literal(""), day])
  .optional()
  .transform((v) => v || null);

/**
 * "Delete data": a category and an optional date range (both ends inclusive, UTC days; empty
 * means no limit on that side, both empty means everything). Whether the category may be deleted
 * by its holder is the catalog's call, checked by the data layer.
 */
export const deleteDataSchema = z
  .object({ category: categoryIdSchema, from: optionalDay, to: optionalDay })
  .strict()
  .refine((v) => !v.from || !v.to || v.from <= v.to, {
    message: "The start date must be on or before the end date",
    path: ["to"],
  });

export type DeleteDataInput = z.input<typeof deleteDataSchema>;
export type DeleteDataValues = z.output<typeof deleteDataSchema>;
