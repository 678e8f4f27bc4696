import { getCategory, type CategoryId } from "@/lib/catalog";
import { apiV1Schemas, DEFAULT_MAX_AGE_DAYS } from "@/lib/validation/api-v1";

/** The API's schemas, their time bounds taken from the catalog's retention periods. */
const days = (id: CategoryId) => getCategory(id)?.retention.days ?? DEFAULT_MAX_AGE_DAYS;

export const schemas = apiV1Schemas({
  printers: days("printers"),
  printJobs: days("print-jobs"),
  cura: days("cura-configuration"),
  diagnostics: days("diagnostics"),
});
