import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as curaRoute from "@/app/api/v1/cura/profiles/[profileName]/versions/route";
import * as diagnosticsBatchRoute from "@/app/api/v1/diagnostics/batch/route";
import * as diagnosticsRoute from "@/app/api/v1/diagnostics/route";
import * as jobsRoute from "@/app/api/v1/print-jobs/route";
import { getDb } from "@/db";
import {
  accessTokens,
  curaConfigVersions,
  diagnostics,
  ingestRateWindows,
  ingestRefusals,
  printJobs,
  privacyRequests,
  processingChoices,
} from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { callRoute as call, secondsAgo as ago } from "./route-testing";
import { createTestApiToken } from "./testing";
import { takeApiRate, touchApiToken } from "./tokens";

const job = { name: "benchy.ufp", status: "finished", createdAt: ago(3600) };
const bundle = {
  kind: "telemetry",
  source: "printer",
  summary: "Hourly counters",
  payload: { hours: 3 },
};

async function holderAndToken() {
  const holder = await createAccount();
  const token = await createTestApiToken(holder.id, [
    "print-jobs:write",
    "diagnostics:write",
    "diagnostics:read",
  ]);
  return { holder, token, secret: token.secret };
}

async function choose(userId: string, kind: "restriction" | "objection", scope: string) {
  const db = await getDb();
  await db.insert(processingChoices).values({ userId, kind, scope, startedBy: userId });
}

async function refusals(tokenId: string) {
  const db = await getDb();
  return db
    .select({
      category: ingestRefusals.category,
      reason: ingestRefusals.reason,
      items: ingestRefusals.items,
      requests: ingestRefusals.requests,
    })
    .from(ingestRefusals)
    .where(eq(ingestRefusals.tokenId, tokenId))
    .orderBy(ingestRefusals.category, ingestRefusals.reason);
}

async function rows(table: typeof printJobs | typeof diagnostics, userId: string) {
  const db = await getDb();
  return (await db.select({ id: table.id }).from(table).where(eq(table.userId, userId))).length;
}

describe("api v1: the holder's choices at the door", () => {
  it("a restricted category answers 409 naming it, stores nothing, and counts each refusal", async () => {
    const { holder, token, secret } = await holderAndToken();
    await choose(holder.id, "restriction", "print-jobs");
    const one = await call(jobsRoute.POST, "/print-jobs", { secret, body: job });
    expect(one.status).toBe(409);
    expect(String(one.json!.type)).toMatch(/#problem-restricted$/);
    expect(one.json!.detail).toContain("print-jobs");
    const key = randomUUID();
    const again = await call(jobsRoute.POST, "/print-jobs", {
      secret,
      body: job,
      headers: { "idempotency-key": key },
    });
    expect(again.status).toBe(409);
    expect(await rows(printJobs, holder.id)).toBe(0);
    expect(await refusals(token.id)).toEqual([
      { category: "print-jobs", reason: "restricted", items: 2, requests: 2 },
    ]);
    // Diagnostics are not restricted: they still go in.
    const diag = await call(diagnosticsRoute.POST, "/diagnostics", { secret, body: bundle });
    expect(diag.status).toBe(201);

    // Lifted: the same key is not burnt by the refusal and now stores the job once.
    const db = await getDb();
    await db
      .update(processingChoices)
      .set({ liftedAt: new Date() })
      .where(eq(processingChoices.userId, holder.id));
    const lifted = await call(jobsRoute.POST, "/print-jobs", {
      secret,
      body: job,
      headers: { "idempotency-key": key },
    });
    expect(lifted.status).toBe(201);
    expect(await rows(printJobs, holder.id)).toBe(1);
  });

  it("an objection to diagnostics drops the bundles with 202 and counts them", async () => {
    const { holder, token, secret } = await holderAndToken();
    await choose(holder.id, "objection", "diagnostics");
    const one = await call(diagnosticsRoute.POST, "/diagnostics", { secret, body: bundle });
    expect(one).toMatchObject({ status: 202, json: { stored: 0, dropped: 1, reason: "objected" } });
    const batch = await call(diagnosticsBatchRoute.POST, "/diagnostics/batch", {
      secret,
      body: { bundles: [bundle, bundle, bundle] },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(batch).toMatchObject({ status: 202, json: { stored: 0, dropped: 3 } });
    expect(await rows(diagnostics, holder.id)).toBe(0);
    expect(await refusals(token.id)).toEqual([
      { category: "diagnostics", reason: "objected", items: 4, requests: 2 },
    ]);
    // An objection to diagnostics does not stop print jobs.
    expect((await call(jobsRoute.POST, "/print-jobs", { secret, body: job })).status).toBe(201);
  });

  it("during the erasure grace period nothing is stored and each refusal is counted", async () => {
    const { holder, token, secret } = await holderAndToken();
    const cura = await createTestApiToken(holder.id, ["cura:write"], { kind: "cura" });
    const db = await getDb();
    await db.insert(privacyRequests).values({
      reference: `PR-${randomUUID().slice(0, 8)}`,
      userId: holder.id,
      kind: "erasure",
      status: "received",
      dueAt: new Date(Date.now() + 30 * 86_400_000),
      scheduledFor: new Date(Date.now() + 30 * 86_400_000),
    });
    const res = await call(jobsRoute.POST, "/print-jobs", { secret, body: job });
    expect(res.status).toBe(409);
    expect(String(res.json!.type)).toMatch(/#problem-erasure-pending$/);
    const diag = await call(diagnosticsBatchRoute.POST, "/diagnostics/batch", {
      secret,
      body: { bundles: [bundle, bundle] },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(diag.status).toBe(409);
    const version = await call(curaRoute.POST, "/x", {
      secret: cura.secret,
      body: { curaVersion: "5.9.0", settings: {} },
      params: { profileName: "Draft" },
    });
    expect(version.status).toBe(409);
    expect(await rows(printJobs, holder.id)).toBe(0);
    expect(await rows(diagnostics, holder.id)).toBe(0);
    expect(
      await db.select().from(curaConfigVersions).where(eq(curaConfigVersions.userId, holder.id)),
    ).toHaveLength(0);
    expect(await refusals(token.id)).toEqual([
      { category: "diagnostics", reason: "erasure_pending", items: 2, requests: 1 },
      { category: "print-jobs", reason: "erasure_pending", items: 1, requests: 1 },
    ]);
    expect(await refusals(cura.id)).toEqual([
      { category: "cura-configuration", reason: "erasure_pending", items: 1, requests: 1 },
    ]);
  });
});

describe("api v1: rate limit and token use", () => {
  it("of a parallel burst of N+5 requests exactly N pass, through the shared counter", async () => {
    const holder = await createAccount();
    const { id } = await createTestApiToken(holder.id, ["printers:read"]);
    const limit = 20;
    const decisions = await Promise.all(
      Array.from({ length: limit + 5 }, () => takeApiRate(id, limit)),
    );
    const db = await getDb();
    const windows = await db
      .select({ count: ingestRateWindows.count })
      .from(ingestRateWindows)
      .where(eq(ingestRateWindows.tokenId, id));
    expect(windows.reduce((sum, w) => sum + w.count, 0)).toBe(limit + 5);
    const allowed = decisions.filter((d) => d.allowed).length;
    // A burst that straddles a minute boundary is split over two windows, each with its budget.
    expect(allowed).toBe(windows.reduce((sum, w) => sum + Math.min(w.count, limit), 0));
    if (windows.length === 1) expect(allowed).toBe(limit);
    for (const r of decisions.filter((d) => !d.allowed)) {
      expect(r.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      expect(r.retryAfterSeconds).toBeLessThanOrEqual(60);
    }
  });

  it("the route answers 429 with Retry-After once the window is spent, and stores nothing", async () => {
    const { holder, secret, token } = await holderAndToken();
    const db = await getDb();
    // Spend this minute's budget and the next one's (the default limit is 600).
    await db.insert(ingestRateWindows).values([
      { tokenId: token.id, windowStart: sql`date_trunc('minute', now())`, count: 10_000 },
      {
        tokenId: token.id,
        windowStart: sql`date_trunc('minute', now()) + interval '1 minute'`,
        count: 10_000,
      },
    ]);
    const res = await call(diagnosticsRoute.POST, "/diagnostics", { secret, body: bundle });
    expect(res.status).toBe(429);
    expect(String(res.json!.type)).toMatch(/#problem-rate-limited$/);
    expect(Number(res.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(res.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(await rows(diagnostics, holder.id)).toBe(0);
  });

  it("records last use at most once a minute, with the address", async () => {
    const holder = await createAccount();
    const { id } = await createTestApiToken(holder.id, ["printers:read"]);
    expect(await touchApiToken(id, "203.0.113.9")).toBe(true);
    expect(await touchApiToken(id, "203.0.113.10")).toBe(false);
    const db = await getDb();
    const [row] = await db
      .select({ at: accessTokens.lastUsedAt, ip: accessTokens.lastUsedIp })
      .from(accessTokens)
      .where(and(eq(accessTokens.id, id)));
    expect(row!.ip).toBe("203.0.113.9");
    await db
      .update(accessTokens)
      .set({ lastUsedAt: new Date(Date.now() - 61_000) })
      .where(eq(accessTokens.id, id));
    expect(await touchApiToken(id, "203.0.113.10")).toBe(true);
  });
});

describe("ingest.cleanup", () => {
  it("deletes answers older than a day and windows older than an hour, keeping newer ones", async () => {
    const holder = await createAccount();
    const { id } = await createTestApiToken(holder.id, ["printers:read"]);
    const db = await getDb();
    const { ingestIdempotency } = await import("@/db/schema");
    await db.insert(ingestIdempotency).values([
      {
        tokenId: id,
        key: "old",
        requestHash: "h",
        status: 201,
        response: {},
        createdAt: new Date(Date.now() - 25 * 3_600_000),
      },
      {
        tokenId: id,
        key: "new",
        requestHash: "h",
        status: 201,
        response: {},
        createdAt: new Date(Date.now() - 23 * 3_600_000),
      },
    ]);
    await db.insert(ingestRateWindows).values([
      { tokenId: id, windowStart: new Date(Date.now() - 61 * 60_000), count: 1 },
      { tokenId: id, windowStart: new Date(Date.now() - 59 * 60_000), count: 1 },
    ]);
    const { cleanupIngest } = await import("./cleanup");
    const done = await cleanupIngest();
    expect(done.answers).toBeGreaterThanOrEqual(1);
    const keys = await db
      .select({ key: ingestIdempotency.key })
      .from(ingestIdempotency)
      .where(eq(ingestIdempotency.tokenId, id));
    expect(keys).toEqual([{ key: "new" }]);
    const windows = await db
      .select({ c: ingestRateWindows.count })
      .from(ingestRateWindows)
      .where(eq(ingestRateWindows.tokenId, id));
    expect(windows).toHaveLength(1);
  });
});
