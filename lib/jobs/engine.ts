import "server-only";
import { randomUUID } from "node:crypto";
import PgBoss from "pg-boss";
import type { QueueDatabase } from "@/lib/dal/jobs/queue-database";
import type { EnqueueOptions, JobDefinition } from "./types";

export type JobEngineOptions = {
  db: QueueDatabase;
  definitions: readonly JobDefinition[];
  /** How often each worker asks for work. */
  pollSeconds: number;
  /** How often an instance tries to be the one that sends due cron jobs (default 30). */
  cronMonitorSeconds?: number;
  /** How often scheduled jobs are moved into their queue (default 30, at most a minute late). */
  cronWorkerSeconds?: number;
  /** How long stop() waits for running jobs (default 4 s; server.ts exits after 10). */
  stopTimeoutMs?: number;
  onError?: (error: unknown, queue?: string) => void;
};

/**
 * pg-boss on the app's database. Two pg-boss instances share the database adapter:
 *
 * - the queue (no timers): migrates pg-boss's own `pgboss` schema, creates queues, sends jobs.
 *   Sending needs nothing else, so a server action or a test can enqueue without workers.
 * - the workers (start()): poll every queue of `definitions`, keep the cron schedules and do
 *   pg-boss's maintenance (expiry, archiving). Every instance may run them: pg-boss claims
 *   jobs with SKIP LOCKED and lets one instance per interval turn schedules into jobs, with a
 *   per-minute singleton on top, so a schedule runs once per tick across instances.
 *
 * Queues use pg-boss's "short" policy: at most one *waiting* job per singleton key. Jobs
 * enqueued without a key get a unique one, so they never collide with each other.
 */
export class JobEngine {
  readonly #options: JobEngineOptions;
  readonly #definitions: Map<string, JobDefinition>;
  #queue: PgBoss;
  #queueStarted?: Promise<void>;
  readonly #queuesReady = new Map<string, Promise<void>>();
  #workers?: PgBoss;
  #workersStarted?: Promise<void>;

  constructor(options: JobEngineOptions) {
    this.#options = options;
    this.#definitions = new Map(options.definitions.map((d) => [d.name, d]));
    if (this.#definitions.size !== options.definitions.length) {
      throw new Error("two job definitions share a name");
    }
    this.#queue = this.#boss({ supervise: false, schedule: false });
  }

  #boss(config: Partial<PgBoss.ConstructorOptions>): PgBoss {
    const boss = new PgBoss({
      db: this.#options.db as PgBoss.Db,
      migrate: true,
      ...config,
    });
    boss.on("error", (error: unknown) => {
      const queue = (error as { queue?: unknown }).queue;
      this.#options.onError?.(error, typeof queue === "string" ? queue : undefined);
    });
    return boss;
  }

  /** Puts a job in its queue; it runs on whichever instance's workers poll it first. */
  async enqueue(
    name: string,
    data: Record<string, unknown>,
    opts: EnqueueOptions = {},
  ): Promise<void> {
    await this.#ensureQueue(this.#definition(name));
    await this.#queue.send(name, data, {
      singletonKey: opts.singletonKey ?? randomUUID(),
      ...(opts.startAfter ? { startAfter: opts.startAfter } : {}),
    });
  }

  /** Starts the workers and schedules of every definition. Calling it again does nothing. */
  start(): Promise<void> {
    this.#workersStarted ??= this.#startWorkers().catch(async (error: unknown) => {
      this.#workersStarted = undefined;
      const workers = this.#workers;
      this.#workers = undefined;
      await workers?.stop({ graceful: false, close: false }).catch(() => {});
      throw error;
    });
    return this.#workersStarted;
  }

  /**
   * Instances starting together take turns (QueueDatabase.exclusive): the first installs
   * pg-boss, creates the queues and writes the schedules; the others find them there. Queues
   * are created one at a time, in the registry's order, for the same reason.
   */
  #startWorkers(): Promise<void> {
    return this.#options.db.exclusive(async () => {
      for (const definition of this.#definitions.values()) await this.#ensureQueue(definition);
      await this.#startWorkersInTurn();
    });
  }

  async #startWorkersInTurn(): Promise<void> {
    const workers = this.#boss({
      supervise: true,
      schedule: true,
      cronMonitorIntervalSeconds: this.#options.cronMonitorSeconds ?? 30,
      cronWorkerIntervalSeconds: this.#options.cronWorkerSeconds ?? 30,
    });
    this.#workers = workers;
    await workers.start();
    for (const definition of this.#definitions.values()) {
      await workers.work<Record<string, unknown>>(
        definition.name,
        { pollingIntervalSeconds: this.#options.pollSeconds, batchSize: 1 },
        async ([job]) => {
          if (job) await definition.handler(job.data ?? {});
        },
      );
      const { name, cron } = definition;
      await retryOnConflict(() =>
        cron ? workers.schedule(name, cron, {}, { tz: "UTC" }) : workers.unschedule(name),
      );
    }
  }

  /** Stops taking work and waits (up to stopTimeoutMs) for running jobs to finish. */
  async stop(): Promise<void> {
    const started = this.#workersStarted;
    this.#workersStarted = undefined;
    if (started) await started.catch(() => {});
    const workers = this.#workers;
    this.#workers = undefined;
    const timeout = this.#options.stopTimeoutMs ?? 4_000;
    await workers?.stop({ graceful: true, wait: true, close: false, timeout });
    const queueStarted = this.#queueStarted;
    this.#queueStarted = undefined;
    this.#queuesReady.clear();
    if (queueStarted) {
      await queueStarted.catch(() => {});
      await this.#queue.stop({ graceful: false, wait: true, close: false });
    }
  }

  #definition(name: string): JobDefinition {
    const definition = this.#definitions.get(name);
    if (!definition) throw new Error(`no job is registered as "${name}" (lib/jobs/registry.ts)`);
    return definition;
  }

  #startQueue(): Promise<void> {
    this.#queueStarted ??= this.#queue
      .start()
      .then(() => undefined)
      .catch((error: unknown) => {
        this.#queueStarted = undefined;
        // pg-boss stays "starting" after a failed start (the next start() returns at once,
        // half started): a new instance, so a retry (retryOnConflict) really starts again.
        this.#queue = this.#boss({ supervise: false, schedule: false });
        throw error;
      });
    return this.#queueStarted;
  }

  /** Creates the queue, or brings its retry policy up to date with the definition. */
  #ensureQueue(definition: JobDefinition): Promise<void> {
    let ready = this.#queuesReady.get(definition.name);
    if (!ready) {
      ready = retryOnConflict(async () => {
        await this.#startQueue();
        const policy: PgBoss.Queue = {
          name: definition.name,
          policy: "short",
          retryLimit: definition.retryLimit ?? 2,
          retryDelay: definition.retryDelaySeconds ?? 30,
          retryBackoff: definition.retryBackoff ?? false,
          expireInSeconds: definition.expireInSeconds ?? 15 * 60,
        };
        if (!(await this.#queue.getQueue(definition.name))) {
          // Another instance may create it at the same moment; then it exists and is updated.
          await this.#queue.createQueue(definition.name, policy).catch(async (error: unknown) => {
            if (!(await this.#queue.getQueue(definition.name))) throw error;
          });
        }
        await this.#queue.updateQueue(definition.name, policy);
      }).catch((error: unknown) => {
        this.#queuesReady.delete(definition.name);
        throw error;
      });
      this.#queuesReady.set(definition.name, ready);
    }
    return ready;
  }
}

/**
 * What PostgreSQL answers the loser of such a race: deadlock victim, a duplicate row, or (two
 * instances installing pg-boss's schema into an empty database at once: both saw it missing
 * before its lock) an object that now exists.
 */
const RACE_CODES = new Set(["40P01", "23505", "42710", "42P07", "42P06"]);

/**
 * Runs a step that instances starting together may race on (installing pg-boss, creating the
 * same queue, writing the same schedule). A few retries, a moment apart, let the winner commit
 * first; the retry then finds the work done.
 */
async function retryOnConflict<T>(step: () => Promise<T>, attempts = 5): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (attempt >= attempts || !RACE_CODES.has(String(code))) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt + Math.random() * 100));
    }
  }
}
