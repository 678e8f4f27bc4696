import "server-only";
import { z } from "zod";
import { runDueErasures, runErasure } from "@/lib/dal/erasure/run";
import { cleanupIngest } from "@/lib/dal/ingest/cleanup";
import { purgeExpiredPendingRequests } from "@/lib/dal/requests/public";
import { runRetentionPurge } from "@/lib/dal/retention/purge";
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
    // Unconfirmed requests from the public form whose 24-hour link has expired hold an address
    // someone typed and nothing else reads them: gone within the hour even when nobody submits.
    name: "requests.pending-cleanup",
    cron: "15 * * * *",
    handler: async () => {
      await purgeExpiredPendingRequests(new Date());
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
    // Deletes what is past its retention period (the catalog's, or the holder's auto-delete),
    // daily at 03:30 UTC; pg-boss runs each tick once across all instances.
    name: "retention.purge",
    cron: "30 3 * * *",
    handler: async () => {
      await runRetentionPurge({ now: new Date() });
    },
    expireInSeconds: 4 * 60 * 60,
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
