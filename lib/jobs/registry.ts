import "server-only";
import { z } from "zod";
import { runDueErasures, runErasure } from "@/lib/dal/erasure/run";
import { cleanupIngest } from "@/lib/dal/ingest/cleanup";
import { sendDueReminders, sendOverdueDigest } from "@/lib/dal/requests/reminders";
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
  {
    // Tells staff every morning (07:00 UTC) which requests are past their due date.
    name: "requests.overdue",
    cron: "0 7 * * *",
    handler: async () => {
      await sendOverdueDigest(new Date());
    },
  },
  {
    // One account's erasure, enqueued for the end of its grace period (lib/dal/erasure/request.ts).
    // Resumable: a retry or a later run continues where the last one stopped.
    name: "erasure.run",
    handler: async (data) => {
      await runErasure(z.object({ requestId: z.uuid() }).parse(data).requestId);
    },
    expireInSeconds: 60 * 60,
  },
  {
    // The safety net: any erasure whose time has come and that no erasure.run finished.
    name: "erasure.sweep",
    cron: "*/10 * * * *",
    handler: async () => {
      await runDueErasures(new Date());
    },
    expireInSeconds: 60 * 60,
  },
  {
    // Forgets ingestion API idempotency answers after 24 hours and rate windows after an hour.
    name: "ingest.cleanup",
    cron: "17 * * * *",
    handler: async () => {
      await cleanupIngest();
    },
  },
];
