/**
 * The catalog's category ids, in the order the catalog lists them. The one list: CategoryId,
 * the export form's and API's `z.enum` (lib/validation/export.ts) and the catalog's entries
 * (`satisfies` in categories/index.ts) all come from it. Kept free of imports so client
 * components can use it without pulling in the schema.
 */
export const CATEGORY_IDS = [
  "profile",
  "login-activity",
  "access-tokens",
  "printers",
  "print-jobs",
  "cura-configuration",
  "diagnostics",
  "marketing",
  "cookie-consents",
  "privacy-requests",
  "staff-access",
  "disclosures",
] as const;

export type CategoryId = (typeof CATEGORY_IDS)[number];
