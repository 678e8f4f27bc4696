import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, users } from "@/db/schema";
import { computeKeyedAuditHash, computePersonalDigest } from "./chain";
import { eraseAuditPersonalData } from "./erase";
import { auditKey } from "./key";
import { verifyAuditChain } from "./verify";
import { withAudit, writeAudit, type AuditEvent } from "./write";

// The PostgreSQL project shares one database between test files, so other rows may be there:
// every test uses its own actor, and the chain must verify whatever else was written.

const eventBy = (actorId: string, over: Partial<AuditEvent> = {}): AuditEvent => ({
  actorId,
  actorRole: "user",
  subjectId: actorId,
  action: "profile.update",
  targetType: "user",
  targetId: actorId,
  ip: "203.0.113.7",
  details: { field: "name" },
  ...over,
});

async function write(event: AuditEvent) {
  const db = await getDb();
  return db.transaction((tx) => writeAudit(tx, event));
}

/** The messages of an error and its causes: drizzle wraps the driver's error. */
async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const texts: string[] = [];
    for (let e: unknown = error; e instanceof Error; e = e.cause) texts.push(e.message);
    return texts.join("\n");
  }
  throw new Error("expected a rejection");
}

async function expectIntact() {
  const result = await verifyAuditChain(await getDb(), { batchSize: 7 });
  expect(result).toMatchObject({ ok: true });
  return result;
}

describe("writeAudit", () => {
  it("appends rows whose stored hash chains and verifies, at millisecond precision", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const at = new Date("2024-01-02T03:04:05.678Z");
    const written = [
      await write(eventBy(actor, { occurredAt: at })),
      await write(eventBy(actor, { action: "session.revoke", targetType: null, targetId: null })),
      await write(eventBy(actor, { action: "export.download", actorRole: "agent" })),
    ];
    const rows = await db
      .select()
      .from(auditLog)
      .where(eq(auditLog.actorId, actor))
      .orderBy(auditLog.id);
    expect(rows.map((r) => [r.id, r.hash])).toEqual(written.map((w) => [w.id, w.hash]));
    for (const r of rows) {
      const personalDigest = computePersonalDigest(auditKey(), r.personalSalt!, r);
      expect(r.personalDigest).toBe(personalDigest);
      expect(computeKeyedAuditHash(auditKey(), r.prevHash, { ...r, personalDigest })).toBe(r.hash);
    }
    expect(rows[0]!.occurredAt.toISOString()).toBe(at.toISOString());
    // The default now() would keep microseconds, which a JS Date drops: hashes would not match.
    const [micro] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.actorId, actor),
          sql`${auditLog.occurredAt} <> date_trunc('milliseconds', ${auditLog.occurredAt})`,
        ),
      );
    expect(micro!.n).toBe(0);
    const result = await expectIntact();
    expect(result.ok && result.checked).toBeGreaterThanOrEqual(3);
  });

  it("keeps one chain under 20 concurrent writers", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const written = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        db.transaction((tx) => writeAudit(tx, eventBy(actor, { details: { i } }))),
      ),
    );
    expect(new Set(written.map((w) => w.id)).size).toBe(20);
    // A fork (two rows linked to the same predecessor) is what a missing lock would produce.
    const forks = await db
      .select({ prevHash: auditLog.prevHash })
      .from(auditLog)
      .groupBy(auditLog.prevHash)
      .having(sql`count(*) > 1`);
    expect(forks).toEqual([]);
    await expectIntact();
  });

  it("refuses a transaction whose snapshot may predate the chain lock", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const attempt = db.transaction((tx) => writeAudit(tx, eventBy(actor)), {
      isolationLevel: "repeatable read",
    });
    expect(await rejection(attempt)).toMatch(/READ COMMITTED/);
    expect(await db.select().from(auditLog).where(eq(auditLog.actorId, actor))).toEqual([]);
  });

  it("treats an id skipped by a rolled-back write as no break", async () => {
    const db = await getDb();
    const actor = randomUUID();
    let skipped = 0;
    const attempt = db.transaction(async (tx) => {
      skipped = (await writeAudit(tx, eventBy(actor))).id;
      throw new Error("the mutation failed after its audit write");
    });
    expect(await rejection(attempt)).toMatch(/mutation failed/);
    const after = await write(eventBy(actor));
    expect(after.id).toBeGreaterThan(skipped);
    expect(await db.select().from(auditLog).where(eq(auditLog.id, skipped))).toEqual([]);
    await expectIntact();
  });
});

describe("withAudit", () => {
  const insertUser = (email: string) => async (tx: Parameters<typeof writeAudit>[0]) => {
    const [user] = await tx.insert(users).values({ email, name: "Audit" }).returning();
    return user!;
  };
  const userCount = async (email: string) =>
    (await (await getDb()).select().from(users).where(eq(users.email, email))).length;

  it("commits the mutation and its event together, the event built from the result", async () => {
    const db = await getDb();
    const email = `audit-${randomUUID()}@example.com`;
    const user = await withAudit(
      db,
      (u) => eventBy(u.id, { action: "item.delete", targetId: u.id }),
      insertUser(email),
    );
    expect(await userCount(email)).toBe(1);
    const events = await db.select().from(auditLog).where(eq(auditLog.targetId, user.id));
    expect(events.map((e) => e.action)).toEqual(["item.delete"]);
  });

  it.each([
    ["an invalid action name", { action: "Profile Update" }, /Invalid audit action/],
    ["a value the database refuses", { subjectId: "not-a-uuid" }, /uuid/],
  ])("rolls the mutation back when the audit write fails: %s", async (_, over, message) => {
    const db = await getDb();
    const email = `audit-${randomUUID()}@example.com`;
    const attempt = withAudit(db, eventBy(randomUUID(), over), insertUser(email));
    expect(await rejection(attempt)).toMatch(message);
    expect(await userCount(email)).toBe(0);
  });
});

describe("the append-only guard, through the app connection", () => {
  it("lets erasure clear the personal fields, and the chain stays valid", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const { id } = await write(eventBy(actor, { details: { email: "someone@example.com" } }));
    const erased = await db.transaction((tx) => eraseAuditPersonalData(tx, actor));
    expect(erased).toBe(1);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.id, id));
    expect(row).toMatchObject({
      actorId: null,
      subjectId: null,
      ip: null,
      details: null,
      personalSalt: null,
      personalDigest: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(row!.action).toBe("profile.update");
    await expectIntact();
  });

  it("refuses changing a hashed field, overwriting a personal one, and deleting", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const { id } = await write(eventBy(actor));
    const byId = eq(auditLog.id, id);
    const attempts = [
      db.update(auditLog).set({ action: "auth.sign_in" }).where(byId),
      db.update(auditLog).set({ ip: "198.51.100.1" }).where(byId),
      // Wiping actor and subject is not erasure: the trigger refuses it outside the erasure path.
      db.update(auditLog).set({ actorId: null, subjectId: null }).where(byId),
      db.delete(auditLog).where(byId),
      db.delete(auditLog).where(inArray(auditLog.actorId, [actor])),
    ];
    for (const attempt of attempts) expect(await rejection(attempt)).toMatch(/append-only/);
    const [row] = await db.select().from(auditLog).where(byId);
    expect(row).toMatchObject({ action: "profile.update", ip: "203.0.113.7", actorId: actor });
    await expectIntact();
  });
});
