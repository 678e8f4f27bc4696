import "server-only";
import { sendDueReminders } from "@/lib/dal/requests/reminders";
import type { JobDefinition } from "./types";

/**
 * Every background job the app runs. Add yours here: a name, optionally a cron schedule (UTC),
 * a handler, and a retry policy if the defaults (2 retries, 30 s apart) do not fit.
 */
export const jobDefinitions: JobDefinition[] = [
  {
    // Mails the holder of a request nobody has answered yet, REQUEST_REMINDER_DAYS before it is due.
    name: "requests.remind",
    cron: "0 * * * *",
    handler: async () => {
      await sendDueReminders(new Date());
    },
  },
];
