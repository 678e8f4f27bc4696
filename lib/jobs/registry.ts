import "server-only";
import type { JobDefinition } from "./types";

/**
 * Every background job the app runs. Add yours here: a name, optionally a cron schedule (UTC),
 * a handler, and a retry policy if the defaults (2 retries, 30 s apart) do not fit.
 */
export const jobDefinitions: JobDefinition[] = [];
