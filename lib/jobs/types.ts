/** One kind of background job: its queue name, optional schedule, handler and retry policy. */
export type JobDefinition = {
  /** The queue, e.g. "erasure.run", "requests.remind". Letters, digits, ".", "-", "_". */
  name: string;
  /**
   * A cron schedule in UTC (e.g. "0 * * * *" hourly): one job per tick, however many instances
   * run it. Without it the job only runs when enqueued.
   */
  cron?: string;
  /** Runs one job. Throwing fails this attempt; it is retried per the policy below. */
  handler: (data: Record<string, unknown>) => Promise<void>;
  /** Retries after a failed attempt (default 2). */
  retryLimit?: number;
  /** Seconds before a retry (default 30), doubled each time when retryBackoff is set. */
  retryDelaySeconds?: number;
  retryBackoff?: boolean;
  /** How long an attempt may run before it counts as failed (default 15 minutes). */
  expireInSeconds?: number;
};

export type EnqueueOptions = {
  /** Not run before this time. */
  startAfter?: Date;
  /** While a job with this key waits to start, enqueueing another with it does nothing. */
  singletonKey?: string;
};
