import type { DataCategory } from "../types";
import { accountCategories } from "./account";
import { devicesCategories } from "./devices";
import { rightsCategories } from "./rights";

/**
 * Every kind of personal data we hold, in the words shown to the account holder. The same
 * entries drive the "why we have this" panels, the export manifest, the policy page, retention
 * and the erasure completeness check (see erasure.ts and catalog.test.ts).
 */
export const categories: DataCategory[] = [
  ...accountCategories,
  ...devicesCategories,
  ...rightsCategories,
];

export function getCategory(id: string): DataCategory | undefined {
  return categories.find((c) => c.id === id);
}
