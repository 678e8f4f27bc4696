import "server-only";
import { getQueueDatabase } from "@/lib/dal/jobs/queue-database";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { JobEngine } from "./engine";
import type { EnqueueOptions } from "./types";

export type { EnqueueOptions, JobDefinition } from "./types";

/**
 * Kept on globalThis, like the mail worker: Next.js bundles instrumentation and each route
 * separately, and they must share one engine (one set of workers, one queue). server.ts reads
 * `stop` on SIGTERM/SIGINT without importing the app's modules.
 */
type JobsState = { engine?: Promise<JobEngine>; stop?: () => Promise<void> };
const holder = globalThis as { __privacyCenterJobs?: JobsState };
const state = (holder.__privacyCenterJobs ??= {});

function engine(): Promise<JobEngine> {
  state.engine ??= (async () => {
    // Imported here, not at the top: handlers in the registry may themselves enqueue jobs.
    const { jobDefinitions } = await import("./registry");
    return new JobEngine({
      db: await getQueueDatabase(),
      definitions: jobDefinitions,
      pollSeconds: env.JOBS_POLL_SECONDS,
      onError: (error, queue) => log.error("background job failed", { queue, error }),
    });
  })().catch((error: unknown) => {
    state.engine = undefined;
    throw error;
  });
  return state.engine;
}

/**
 * Puts a job in the database for a worker of any instance to run; works without workers in
 * this process. Call it after the transaction that decided the job committed: on the embedded
 * database (one connection) a call inside a transaction would wait for that transaction forever.
 */
export async function enqueueJob(
  name: string,
  data: Record<string, unknown>,
  opts?: EnqueueOptions,
): Promise<void> {
  await (await engine()).enqueue(name, data, opts);
}

/** Starts the workers and cron schedules of lib/jobs/registry.ts (db/startup.ts). Idempotent. */
export async function startJobs(): Promise<void> {
  const jobs = await engine();
  await jobs.start();
  state.stop = stopJobs;
  log.info(`Background jobs started (polling every ${env.JOBS_POLL_SECONDS} s).`);
}

/** Stops taking work and lets running jobs finish (briefly); the next enqueue starts afresh. */
export async function stopJobs(): Promise<void> {
  const pending = state.engine;
  state.engine = undefined;
  state.stop = undefined;
  if (pending) await (await pending.catch(() => undefined))?.stop();
}
