import { randomUUID } from "node:crypto";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { and, eq, lte, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { emailOutbox } from "@/db/schema";

// Loaded only after SMTP_URL is set: "@/db" and "./outbox" import lib/env, which reads the
// environment once, on first import.
type Db = typeof import("@/db");
type Outbox = typeof import("./outbox");
type Worker = typeof import("./worker");
let db: Db;
let outbox: Outbox;
let worker: Worker;

const received: string[] = [];
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onData(stream, session, callback) {
    stream.resume();
    stream.on("end", () => {
      received.push(...session.envelope.rcptTo.map((r) => r.address));
      callback();
    });
  },
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.server.address() as AddressInfo).port;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.MAIL_FROM = "Privacy Center <pc@example.test>";
  db = await import("@/db");
  outbox = await import("./outbox");
  worker = await import("./worker");
});
afterAll(async () => {
  delete process.env.SMTP_URL;
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const enqueue = async () => {
  const to = `${randomUUID()}@example.test`;
  await outbox.enqueueMail(await db.getDb(), { kind: "test", to, subject: "Worker", text: "x" });
  return to;
};

/** Mail other test files left queued in this shared database (they run without SMTP). */
async function dueCount(): Promise<number> {
  const [row] = await (
    await db.getDb()
  )
    .select({ n: sql<number>`count(*)::int` })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, sql`now()`)));
  return row!.n;
}

describe("mail worker", () => {
  it("flushMailNow delivers at once, and concurrent flushes send each mail once", async () => {
    // A pass takes the 20 oldest due mails: deliver what other files queued first, so that this
    // test's mail is in the next pass (bounded: other files may still be queueing).
    for (let i = 0; i < 100 && (await dueCount()) > 0; i++) await worker.flushMailNow();
    const first = await enqueue();
    await worker.flushMailNow();
    expect(received.filter((a) => a === first)).toHaveLength(1);

    const more = await Promise.all([enqueue(), enqueue(), enqueue()]);
    await Promise.all([worker.flushMailNow(), worker.flushMailNow(), worker.flushMailNow()]);
    for (const to of more) expect(received.filter((a) => a === to)).toHaveLength(1);
  });

  it("polls while started, once per process, and stops", async () => {
    const stop = worker.startMailWorker();
    expect(worker.startMailWorker()).toBe(stop);
    try {
      const to = await enqueue();
      await vi.waitFor(() => expect(received).toContain(to), { timeout: 10_000, interval: 100 });
    } finally {
      stop();
    }
    const after = await enqueue();
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    expect(received).not.toContain(after);
    expect(worker.startMailWorker()).not.toBe(stop); // restartable after stop
    worker.startMailWorker()();
  });

  it("does nothing without SMTP_URL", async () => {
    delete process.env.SMTP_URL;
    vi.resetModules();
    const unconfigured: Worker = await import("./worker");
    const to = await enqueue();
    await unconfigured.flushMailNow();
    const stop = unconfigured.startMailWorker();
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop();
    expect(received).not.toContain(to);
  });
});
