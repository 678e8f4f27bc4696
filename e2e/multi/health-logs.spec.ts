// Health endpoints, request ids in JSON log lines, and the migrations two simultaneous starts
// applied once.
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "@playwright/test";
import { database, harness, instanceA, instanceB } from "./harness";

test("liveness and readiness answer on each instance and through the proxy", async ({
  request,
}) => {
  for (const origin of [instanceA, instanceB, harness.proxy]) {
    const live = await request.get(`${origin}/api/health/live`);
    expect(live.status(), origin).toBe(200);
    expect(await live.json()).toEqual({ status: "ok" });
    const ready = await request.get(`${origin}/api/health/ready`);
    expect(ready.status(), origin).toBe(200);
    expect(await ready.json()).toEqual({
      status: "ready",
      database: "ok",
      migrationsPending: 0,
      shuttingDown: false,
    });
    expect((await request.get(`${origin}/api/health`)).status()).toBe(200);
  }
});

test("two instances started at once applied each migration once", async () => {
  const journal = JSON.parse(
    readFileSync(path.resolve("db/migrations/meta/_journal.json"), "utf8"),
  ) as { entries: { when: number }[] };
  const rows = await database()`select created_at from drizzle.__drizzle_migrations order by id`;
  expect(rows.map((r) => Number(r.created_at))).toEqual(journal.entries.map((e) => e.when));
});

test("a request id reaches the route handler's log line, as JSON, without personal data", async ({
  request,
}) => {
  const id = `e2e-${randomUUID()}`;
  // The harness trusts loopback, as it would the real reverse proxy: its id is kept.
  const answer = await request.get(`${instanceB}/api/health/ready`, {
    headers: { "x-request-id": id },
  });
  expect(answer.headers()["x-request-id"]).toBe(id);
  const logFile = harness.logs[1];
  const lineFor = () =>
    readFileSync(logFile, "utf8")
      .split("\n")
      .find((l) => l.includes(id));
  await expect.poll(lineFor).toBeTruthy();
  const line = JSON.parse(lineFor()!) as Record<string, unknown>;
  expect(line).toMatchObject({ level: "debug", msg: "readiness checked", requestId: id });
  expect(new Date(line.time as string).toISOString()).toBe(line.time);

  // Without one, each request gets its own.
  const [one, two] = await Promise.all(
    [1, 2].map(() => request.get(`${instanceA}/api/health/live`)),
  );
  const ids = [one!.headers()["x-request-id"], two!.headers()["x-request-id"]];
  for (const generated of ids) expect(generated).toMatch(/^[0-9a-f-]{36}$/);
  expect(ids[0]).not.toBe(ids[1]);

  // The app's lines are JSON objects (Next.js may add plain lines of its own), and no line
  // names a test user's address, though both instances served many sign-ins by now.
  for (const file of harness.logs) {
    const lines = readFileSync(file, "utf8").split("\n").filter(Boolean);
    expect(lines.filter((l) => l.startsWith("{")).length).toBeGreaterThan(3);
    for (const text of lines) {
      if (text.startsWith("{")) expect(() => JSON.parse(text), text).not.toThrow();
      expect(text).not.toMatch(/@example\.test|@e2e\.example\.test/);
    }
  }
});
