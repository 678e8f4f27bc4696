import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import * as curaRoute from "@/app/api/v1/cura/profiles/[profileName]/versions/route";
import * as jobRoute from "@/app/api/v1/print-jobs/[id]/route";
import * as jobsBatchRoute from "@/app/api/v1/print-jobs/batch/route";
import * as jobsRoute from "@/app/api/v1/print-jobs/route";
import * as printerRoute from "@/app/api/v1/printers/[serial]/route";
import * as statusRoute from "@/app/api/v1/printers/[serial]/status/route";
import * as printersRoute from "@/app/api/v1/printers/route";
import * as batchRoute from "@/app/api/v1/printers/status/batch/route";
import * as tokenRoute from "@/app/api/v1/token/route";
import { getDb } from "@/db";
import {
  accessTokens,
  auditLog,
  curaConfigVersions,
  materials,
  printerStatusEvents,
  printers,
  printJobMaterials,
  printJobs,
  printJobTemperatureSamples,
} from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { callRoute as call, secondsAgo as ago } from "./route-testing";
import { createTestApiToken } from "./testing";

const printer = { name: "Garage S5", model: "Ultimaker S5", firmware: "8.3.0" };

async function holderWithPrinter(scopes: Parameters<typeof createTestApiToken>[1]) {
  const holder = await createAccount();
  const token = await createTestApiToken(holder.id, ["printers:write", ...scopes]);
  const serial = `S5-${randomUUID().slice(0, 8)}`;
  const res = await call(printerRoute.PUT, `/printers/${serial}`, {
    method: "PUT",
    secret: token.secret,
    body: printer,
    params: { serial },
  });
  expect(res.status).toBe(201);
  return { holder, token, serial, secret: token.secret };
}

async function newMaterial(): Promise<string> {
  const db = await getDb();
  const guid = randomUUID();
  await db
    .insert(materials)
    .values({ guid, brand: "Ultimaker", name: "PLA Blue", type: "PLA", color: "blue" });
  return guid;
}

const job = (over: Record<string, unknown> = {}) => ({
  name: "benchy.ufp",
  status: "finished",
  createdAt: ago(3600),
  ...over,
});

async function countWhere(
  table: typeof printJobs | typeof printerStatusEvents | typeof printJobTemperatureSamples,
  userId: string,
) {
  const db = await getDb();
  return db.$count(table, eq(table.userId, userId));
}

describe("api v1: printers", () => {
  it("registers (201, audited once), updates (200), stores status and replays a batch", async () => {
    const { holder, secret, serial } = await holderWithPrinter(["printers:read"]);
    const who = await call(tokenRoute.GET, "/token", { secret });
    expect(who).toMatchObject({ status: 200, json: { kind: "printer" } });
    expect(who.json!.scopes).toEqual(["printers:write", "printers:read"]);

    const again = await call(printerRoute.PUT, `/printers/${serial}`, {
      method: "PUT",
      secret,
      body: { ...printer, firmware: "8.4.0", groupKey: "PG-1", groupName: "Lab" },
      params: { serial },
    });
    expect(again).toMatchObject({ status: 200, json: { serial, firmware: "8.4.0" } });
    const db = await getDb();
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, holder.id), eq(auditLog.action, "printer.register")));
    expect(audits).toHaveLength(1);

    const one = await call(statusRoute.POST, `/printers/${serial}/status`, {
      secret,
      body: { status: "printing", occurredAt: ago(60) },
      params: { serial },
    });
    expect(one).toMatchObject({ status: 201, json: { stored: 1 } });

    const events = [
      { serial, status: "idle", occurredAt: ago(30) },
      { serial, status: "paused", occurredAt: ago(45) },
    ];
    const key = { "idempotency-key": `k-${randomUUID()}` };
    const first = await call(batchRoute.POST, "/printers/status/batch", {
      secret,
      body: { events },
      headers: key,
    });
    expect(first).toMatchObject({ status: 201, json: { stored: 2 } });
    expect(first.headers.get("idempotent-replayed")).toBeNull();
    const replay = await call(batchRoute.POST, "/printers/status/batch", {
      secret,
      body: { events },
      headers: key,
    });
    expect(replay).toMatchObject({ status: 201, json: first.json });
    expect(replay.headers.get("idempotent-replayed")).toBe("true");
    expect(await countWhere(printerStatusEvents, holder.id)).toBe(3);

    const other = await call(batchRoute.POST, "/printers/status/batch", {
      secret,
      body: { events: events.slice(0, 1) },
      headers: key,
    });
    expect(other.status).toBe(422);
    expect(other.json).toMatchObject({ status: 422 });
    expect(String(other.json!.type)).toMatch(/#problem-idempotency-conflict$/);
    expect(await countWhere(printerStatusEvents, holder.id)).toBe(3);

    const list = await call(printersRoute.GET, "/printers", { secret });
    expect(list.json!.items).toEqual([
      expect.objectContaining({ serial, status: "idle", firmware: "8.4.0" }),
    ]);
  });

  it("the same batch sent twice at once is stored once, and both get the same answer", async () => {
    const { holder, secret, serial } = await holderWithPrinter([]);
    const body = { events: [{ serial, status: "idle", occurredAt: ago(5) }] };
    const send = () =>
      call(batchRoute.POST, "/printers/status/batch", {
        secret,
        body,
        headers: { "idempotency-key": "same-key" },
      });
    const answers = await Promise.all([send(), send(), send()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201]);
    expect(answers.map((a) => a.json)).toEqual([{ stored: 1 }, { stored: 1 }, { stored: 1 }]);
    expect(answers.filter((a) => a.headers.get("idempotent-replayed") === "true")).toHaveLength(2);
    expect(await countWhere(printerStatusEvents, holder.id)).toBe(1);
  });

  it("refuses without a token, with an unknown one, without the scope, and after revocation", async () => {
    const { holder, secret, serial, token } = await holderWithPrinter([]);
    const none = await call(printersRoute.GET, "/printers", {});
    expect(none.status).toBe(401);
    expect(none.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(none.headers.get("content-type")).toBe("application/problem+json");
    expect(
      (await call(printersRoute.GET, "/printers", { secret: `pct_${"x".repeat(43)}` })).status,
    ).toBe(401);
    const noScope = await call(printersRoute.GET, "/printers", { secret });
    expect(noScope.status).toBe(403);
    expect(noScope.json!.detail).toContain("printers:read");

    const body = { status: "idle", occurredAt: ago(5) };
    const params = { serial };
    expect((await call(statusRoute.POST, "/x", { secret, body, params })).status).toBe(201);
    const db = await getDb();
    await db
      .update(accessTokens)
      .set({ revokedAt: new Date() })
      .where(eq(accessTokens.id, token.id));
    const after = await call(statusRoute.POST, "/x", { secret, body, params });
    expect(after.status).toBe(401);
    expect(await countWhere(printerStatusEvents, holder.id)).toBe(1);

    const expired = await createTestApiToken(holder.id, ["printers:read"], {
      expiresAt: new Date(Date.now() - 1000),
    });
    expect((await call(printersRoute.GET, "/printers", { secret: expired.secret })).status).toBe(
      401,
    );
  });

  it("never touches another holder's printer or job: 404 and theirs unchanged", async () => {
    const a = await holderWithPrinter(["print-jobs:write"]);
    const b = await holderWithPrinter(["print-jobs:write"]);
    const status = await call(statusRoute.POST, "/x", {
      secret: a.secret,
      body: { status: "error", occurredAt: ago(5) },
      params: { serial: b.serial },
    });
    expect(status.status).toBe(404);
    const batch = await call(batchRoute.POST, "/printers/status/batch", {
      secret: a.secret,
      body: {
        events: [
          { serial: a.serial, status: "idle", occurredAt: ago(5) },
          { serial: b.serial, status: "error", occurredAt: ago(5) },
        ],
      },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(batch.status).toBe(404);
    expect(batch.json!.errors).toEqual([expect.objectContaining({ pointer: "/events/1/serial" })]);
    expect(await countWhere(printerStatusEvents, a.holder.id)).toBe(0);
    expect(await countWhere(printerStatusEvents, b.holder.id)).toBe(0);

    // PUT with B's serial from A's token registers A's own printer: serials are per holder.
    const bJob = await call(jobsRoute.POST, "/print-jobs", { secret: b.secret, body: job() });
    expect(bJob.status).toBe(201);
    const patch = await call(jobRoute.PATCH, "/x", {
      method: "PATCH",
      secret: a.secret,
      body: { status: "failed" },
      params: { id: String(bJob.json!.id) },
    });
    expect(patch.status).toBe(404);
    const db = await getDb();
    const [row] = await db
      .select({ status: printJobs.status })
      .from(printJobs)
      .where(eq(printJobs.id, String(bJob.json!.id)));
    expect(row!.status).toBe("finished");
    const [bPrinter] = await db
      .select({ status: printers.status })
      .from(printers)
      .where(eq(printers.userId, b.holder.id));
    expect(bPrinter!.status).toBe("offline");
  });

  it("answers malformed bodies with the field named by JSON pointer, and stores nothing", async () => {
    const { holder, secret, serial } = await holderWithPrinter([]);
    const params = { serial };
    const unknown = await call(statusRoute.POST, "/x", {
      secret,
      body: { status: "idle", occurredAt: ago(5), colour: "red" },
      params,
    });
    expect(unknown.status).toBe(400);
    expect(unknown.json!.errors).toEqual([
      { pointer: "/colour", detail: "Unknown field: colour." },
    ]);
    const future = await call(batchRoute.POST, "/printers/status/batch", {
      secret,
      body: {
        events: [
          { serial, status: "idle", occurredAt: ago(5) },
          { serial, status: "idle", occurredAt: new Date(Date.now() + 3_600_000).toISOString() },
        ],
      },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(future.status).toBe(400);
    expect(future.json!.errors).toEqual([
      expect.objectContaining({ pointer: "/events/1/occurredAt" }),
    ]);
    const old = await call(statusRoute.POST, "/x", {
      secret,
      body: { status: "idle", occurredAt: "2001-01-01T00:00:00Z" },
      params,
    });
    expect(old.json!.errors).toEqual([
      { pointer: "/occurredAt", detail: "Must not be more than 730 days in the past." },
    ]);
    const noKey = await call(batchRoute.POST, "/printers/status/batch", {
      secret,
      body: { events: [{ serial, status: "idle", occurredAt: ago(5) }] },
    });
    expect(noKey.status).toBe(400);
    expect(noKey.json!.errors).toEqual([expect.objectContaining({ header: "Idempotency-Key" })]);
    const text = await call(statusRoute.POST, "/x", {
      secret,
      body: "status=idle",
      headers: { "content-type": "text/plain" },
      params,
    });
    expect(text.status).toBe(415);
    const broken = await call(statusRoute.POST, "/x", { secret, body: "{", params });
    expect(broken.status).toBe(400);
    const huge = await call(statusRoute.POST, "/x", {
      secret,
      body: { status: "idle", occurredAt: ago(5), message: "x".repeat(1024 * 1024) },
      params,
    });
    expect(huge.status).toBe(413);
    expect(await countWhere(printerStatusEvents, holder.id)).toBe(0);
  });
});

describe("api v1: print jobs and Cura", () => {
  it("stores a job with materials and samples, patches it, and a batch is all or nothing", async () => {
    const { holder, secret, serial } = await holderWithPrinter([
      "print-jobs:write",
      "print-jobs:read",
    ]);
    const guid = await newMaterial();
    const sample = { sampledAt: ago(3000), nozzleC: 210, bedC: 60 };
    const later = ago(2900);
    const created = await call(jobsRoute.POST, "/print-jobs", {
      secret,
      body: job({
        printerSerial: serial,
        materials: [{ extruder: 0, materialGuid: guid, amountGrams: 12.5 }],
        samples: [
          { ...sample, nozzleTargetC: 215.5, bedTargetC: 60.25 },
          { ...sample, sampledAt: later, nozzleC: 209.75 },
        ],
        metadata: { slicer: "Cura 5.9" },
      }),
    });
    expect(created.status).toBe(201);
    const id = String(created.json!.id);
    const db = await getDb();
    expect(
      await db.select().from(printJobMaterials).where(eq(printJobMaterials.printJobId, id)),
    ).toHaveLength(1);
    const stored = await db
      .select()
      .from(printJobTemperatureSamples)
      .where(eq(printJobTemperatureSamples.printJobId, id))
      .orderBy(printJobTemperatureSamples.sampledAt);
    expect(
      stored.map(({ userId, sampledAt, nozzleC, nozzleTargetC, bedC, bedTargetC }) => ({
        userId,
        sampledAt: sampledAt.toISOString(),
        nozzleC,
        nozzleTargetC,
        bedC,
        bedTargetC,
      })),
    ).toEqual([
      {
        userId: holder.id,
        sampledAt: sample.sampledAt,
        nozzleC: 210,
        nozzleTargetC: 215.5,
        bedC: 60,
        bedTargetC: 60.25,
      },
      {
        userId: holder.id,
        sampledAt: later,
        nozzleC: 209.75,
        nozzleTargetC: null,
        bedC: 60,
        bedTargetC: null,
      },
    ]);

    const patched = await call(jobRoute.PATCH, "/x", {
      method: "PATCH",
      secret,
      body: { status: "failed", finishedAt: ago(10) },
      params: { id },
    });
    expect(patched).toMatchObject({ status: 200, json: { id } });

    const badBatch = await call(jobsBatchRoute.POST, "/print-jobs/batch", {
      secret,
      body: {
        jobs: [job(), job({ materials: [{ extruder: 0, materialGuid: "no-such-guid" }] })],
      },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(badBatch.status).toBe(400);
    expect(badBatch.json!.errors).toEqual([
      expect.objectContaining({ pointer: "/jobs/1/materials/0/materialGuid" }),
    ]);
    expect(await countWhere(printJobs, holder.id)).toBe(1);

    const goodBatch = await call(jobsBatchRoute.POST, "/print-jobs/batch", {
      secret,
      body: { jobs: [job({ name: "a" }), job({ name: "b", samples: [sample] })] },
      headers: { "idempotency-key": randomUUID() },
    });
    expect(goodBatch.status).toBe(201);
    expect(goodBatch.json!.ids).toHaveLength(2);
    const [, bId] = goodBatch.json!.ids as string[];
    expect(
      await db
        .select({ jobId: printJobTemperatureSamples.printJobId })
        .from(printJobTemperatureSamples)
        .where(eq(printJobTemperatureSamples.userId, holder.id)),
    ).toEqual(expect.arrayContaining([{ jobId: bId }]));
    expect(await countWhere(printJobTemperatureSamples, holder.id)).toBe(3);
    expect(await countWhere(printJobs, holder.id)).toBe(3);

    const page1 = await call(jobsRoute.GET, "/print-jobs?limit=2", { secret });
    expect(page1.json!.items).toHaveLength(2);
    const cursor = String(page1.json!.nextCursor);
    const page2 = await call(jobsRoute.GET, `/print-jobs?limit=2&cursor=${cursor}`, { secret });
    expect(page2.json!.items).toHaveLength(1);
    expect(page2.json!.nextCursor).toBeNull();
    const badCursor = await call(jobsRoute.GET, "/print-jobs?cursor=nope", { secret });
    expect(badCursor.json!.errors).toEqual([expect.objectContaining({ parameter: "cursor" })]);
  });

  it("numbers Cura profile versions one after another, also when saved at once", async () => {
    const holder = await createAccount();
    const { secret } = await createTestApiToken(holder.id, ["cura:write"], { kind: "cura" });
    const save = () =>
      call(curaRoute.POST, "/x", {
        secret,
        body: { curaVersion: "5.9.0", settings: { layer_height: 0.2 } },
        params: { profileName: "Fine PLA" },
      });
    const answers = await Promise.all([save(), save(), save(), save()]);
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201]);
    expect(answers.map((a) => a.json!.version).sort()).toEqual([1, 2, 3, 4]);
    const db = await getDb();
    const rows = await db
      .select({ v: curaConfigVersions.version })
      .from(curaConfigVersions)
      .where(eq(curaConfigVersions.userId, holder.id));
    expect(rows).toHaveLength(4);
  });
});
