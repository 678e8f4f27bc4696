import { z } from "zod";
import { CATEGORY_IDS } from "@/lib/catalog/ids";

/**
 * The auto-delete form on a category page: keep for the standard period, or delete items after
 * 3, 18 or 36 months. Whether the category allows it, and which periods it offers, is checked
 * against the catalog on the server (lib/retention/policy.ts).
 */
export const AUTO_DELETE_PERIODS = ["standard", "3", "18", "36"] as const;

export const autoDeleteSchema = z.object({
  category: z.enum(CATEGORY_IDS, { message: "validation.autoDelete.category" }),
  period: z.enum(AUTO_DELETE_PERIODS, { message: "validation.autoDelete.period" }),
});
export type AutoDeleteInput = z.infer<typeof autoDeleteSchema>;

/** The months a period stands for; null = the standard period. */
export function periodMonths(period: AutoDeleteInput["period"]): number | null {
  return period === "standard" ? null : Number(period);
}
