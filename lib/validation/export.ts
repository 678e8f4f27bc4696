import { z } from "zod";
import { CATEGORY_IDS } from "@/lib/catalog/ids";

/** One of the catalog's category ids (lib/catalog/ids.ts). */
export const categoryIdSchema = z.enum(CATEGORY_IDS);

const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "validation.date.format")
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    "validation.date.real",
  );

/** A UTC day, "YYYY-MM-DD", or empty for no limit on that side (null). */
export const optionalDay = z
  .union([z.literal(""), day])
  .optional()
  .transform((v) => v || null);

/** A date range whose start is on or before its end; the issue is reported on `to`. */
export const rangeOk = (v: { from: string | null; to: string | null }) =>
  !v.from || !v.to || v.from <= v.to;
export const rangeIssue = {
  message: "validation.date.range",
  path: ["to"],
};

/** The export page's form. */
export const exportFormSchema = z
  .object({
    format: z.enum(["json", "zip", "html"]),
    categories: z.array(categoryIdSchema).min(1, "validation.export.categories"),
    from: optionalDay,
    to: optionalDay,
  })
  .refine(rangeOk, rangeIssue);

export type ExportFormInput = z.input<typeof exportFormSchema>;
export type ExportFormValues = z.output<typeof exportFormSchema>;

const categoryList = z
  .string()
  .optional()
  .transform((v) =>
    v
      ? v
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean)
      : [...CATEGORY_IDS],
  )
  .pipe(z.array(categoryIdSchema).min(1, "validation.export.categories"))
  .transform((ids) => CATEGORY_IDS.filter((id) => ids.includes(id)));

/** GET /api/export?format=json|zip&categories=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD */
export const exportQuerySchema = z
  .object({
    format: z.enum(["json", "zip", "html"]).default("json"),
    categories: categoryList,
    from: optionalDay,
    to: optionalDay,
  })
  .strict()
  .refine(rangeOk, rangeIssue);

/** GET /api/export/csv/<category>?table=…&from=…&to=… */
export const csvQuerySchema = z
  .object({
    category: categoryIdSchema,
    table: z
      .string()
      .regex(/^[a-z_]{1,64}$/, "validation.export.table")
      .optional(),
    from: optionalDay,
    to: optionalDay,
  })
  .strict()
  .refine(rangeOk, rangeIssue);

export type ExportQuery = z.output<typeof exportQuerySchema>;
