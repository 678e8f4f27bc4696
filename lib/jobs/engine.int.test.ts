import { randomUUID } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { getDbHandle } from "@/db";
import { queueDatabase } from "@/lib/dal/jobs/queue-database";
import { JobEngine, type JobEngineOptions } from "./engine";
import type { JobDefinition } from "./types";

const engines: JobEngine[] = [];
afterEach(async () => {
  await Promise.all(engines.splice(0).map((e) => e.stop()));
});

async function makeEngine(
  definitions: JobDefinition[],
  opts: Partial<JobEngineOptions> = {},
): Promise<JobEngine> {
  const engine = new JobEngine({
    db: queueDatabase(await getDbHandle()),
    definitions,
    pollSeconds: 0.5,
    ...opts,
  });
  engines.push(engine);
  return engine;
}

/** Polls until `check` returns a value (short steps, bounded), or fails the test. */
async function until<T>(check: () => Promise<T | undefined> | T | undefined, ms = 20_000) {
  const end = Date.now() + ms;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function jobRows(name: string) {
  const handle = await getDbHandle();
  return handle.query<{ state: string; retry_count: number; minute: string }>(
    `select state, retry_count, date_trunc('minute', created_on)::text as minute
       from pgboss.job where name = $1`,
    [name],
  );
}

const queueName = (what: string) => `test.${what}.${randomUUID().slice(0, 8)}`;

describe("background jobs (pg-boss on the app's database)", () => {
  it("runs a job enqueued with startAfter only once that time has come", async () => {
    const name = queueName("delay");
    const runs: number[] = [];
    const engine = await makeEngine([{ name, handler: async () => void runs.push(Date.now()) }]);
    await engine.start();
    const startAfter = new Date(Date.now() + 2_000);
    await engine.enqueue(name, { n: 1 }, { startAfter });

    await until(() => Date.now() >= startAfter.getTime() - 200 || undefined);
    expect(runs).toEqual([]);
    await until(() => runs.length === 1 || undefined);
    expect(runs[0]).toBeGreaterThanOrEqual(startAfter.getTime() - 50);
  });

  it("keeps a job in the database across a restart and runs it once", async () => {
    const name = queueName("restart");
    const seen: unknown[] = [];
    const definitions = [
      { name, handler: async (data: Record<string, unknown>) => void seen.push(data) },
    ];

    const first = await makeEngine(definitions);
    await first.enqueue(name, { ticket: "A-1" });
    await first.stop();
    expect(seen).toEqual([]);

    const second = await makeEngine(definitions);
    await second.start();
    await until(async () => (await jobRows(name))[0]?.state === "completed" || undefined);
    expect(seen).toEqual([{ ticket: "A-1" }]);
  });

  it("drops an enqueue whose singletonKey already waits", async () => {
    const name = queueName("single");
    const engine = await makeEngine([{ name, handler: async () => {} }]);
    const later = new Date(Date.now() + 60_000);
    await engine.enqueue(name, {}, { startAfter: later, singletonKey: "user-1" });
    await engine.enqueue(name, {}, { startAfter: later, singletonKey: "user-1" });
    await engine.enqueue(name, {}, { startAfter: later, singletonKey: "user-2" });
    await engine.enqueue(name, {}, { startAfter: later });
    await engine.enqueue(name, {}, { startAfter: later });
    expect(await jobRows(name)).toHaveLength(4);
  });

  it("refuses a job name nobody registered", async () => {
    const engine = await makeEngine([]);
    await expect(engine.enqueue("nobody.registered", {})).rejects.toThrow(/no job is registered/);
  });

  it("retries a failing handler as often as its definition says, then gives up", async () => {
    const flaky = queueName("flaky");
    const broken = queueName("broken");
    const attempts = { flaky: 0, broken: 0 };
    const engine = await makeEngine([
      {
        name: flaky,
        retryLimit: 2,
        retryDelaySeconds: 0,
        handler: async () => {
          attempts.flaky += 1;
          if (attempts.flaky < 3) throw new Error("not yet");
        },
      },
      {
        name: broken,
        retryLimit: 1,
        retryDelaySeconds: 0,
        handler: async () => {
          attempts.broken += 1;
          throw new Error("always");
        },
      },
    ]);
    await engine.start();
    await engine.enqueue(flaky, {});
    await engine.enqueue(broken, {});

    await until(async () => (await jobRows(flaky))[0]?.state === "completed" || undefined);
    await until(async () => (await jobRows(broken))[0]?.state === "failed" || undefined);
    expect(attempts).toEqual({ flaky: 3, broken: 2 });
  });

  it("runs a cron schedule once per tick when two instances both keep it", async () => {
    const name = queueName("cron");
    let runs = 0;
    const definition = { name, cron: "* * * * *", handler: async () => void (runs += 1) };
    const fast = { cronMonitorSeconds: 1, cronWorkerSeconds: 1 };
    const a = await makeEngine([definition], fast);
    const b = await makeEngine([definition], fast);
    await Promise.all([a.start(), b.start()]);

    const rows = await until(async () => {
      const jobs = await jobRows(name);
      return jobs.length > 0 && jobs.every((j) => j.state === "completed") ? jobs : undefined;
    });
    // Both instances had their chance to send this minute's job (several 1 s monitor rounds).
    const handle = await getDbHandle();
    await until(async () => {
      const [pending] = await handle.query<{ n: number }>(
        `select count(*)::int as n from pgboss.job
          where name = '__pgboss__send-it' and data->>'name' = $1 and state <> 'completed'`,
        [name],
      );
      return pending!.n === 0 || undefined;
    });
    const final = await jobRows(name);
    // One job per minute the test spanned (it may cross a minute boundary), each run once.
    expect(final.length).toBeGreaterThanOrEqual(rows.length);
    expect(new Set(final.map((j) => j.minute)).size).toBe(final.length);
    await until(() => runs === final.filter((j) => j.state === "completed").length || undefined);
  });
});
