import { randomUUID } from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { afterAll, describe, expect, it, vi } from "vitest";

// The purge is global: at a moved clock it deletes every old row in the database. On PostgreSQL
// the run's test files share one database, so this file moves to a database of its own before
// anything reads the environment (PGlite is per file already).
const own = await vi.hoisted(async () => {
  const base = process.env.DATABASE_URL;
  if (!base) return null;
  const { default: postgres } = await import("postgres");
  const name = `pc_retention_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  process.env.DATABASE_URL = url.toString();
  return { admin, name };
});

import { getDb, getDbHandle, closeDb } from "@/db";
import {
  auditLog,
  autoDeleteChoices,
  consentEvents,
  printJobs,
  processingChoices,
} from "@/db/schema";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { getCategory, itemTarget, purgePlans, type CategoryId } from "@/lib/catalog";
import { getMyCategoryStats } from "@/lib/dal/data/overview";
import { grantedPair, openView } from "@/lib/dal/support/testing";
import { ReadOnlyError } from "@/lib/auth/errors";
import { AppError } from "@/lib/errors";
import { purgeDate } from "@/lib/retention/policy";
import { getMyAutoDelete, setMyAutoDelete } from "./auto-delete";
import { runRetentionPurge } from "./purge";
import { ago, directCounts, existing, seedAged } from "./testing";

afterAll(async () => {
  if (!own) return;
  await closeDb();
  await own.admin.unsafe(`drop database if exists ${own.name} with (force)`);
  await own.admin.end({ timeout: 5 });
});

const nonZero = (rows: Record<string, number>) =>
  Object.fromEntries(Object.entries(rows).filter(([, n]) => n > 0));

async function lastPurgeAudit() {
  const db = await getDb();
  const [row] = await db
    .select({
      actorRole: auditLog.actorRole,
      details: auditLog.details,
      subjectId: auditLog.subjectId,
    })
    .from(auditLog)
    .where(eq(auditLog.action, "retention.purge"))
    .orderBy(desc(auditLog.id))
    .limit(1);
  return row;
}

describe("retention purge", () => {
  it("deletes exactly the rows past their period, for every holder, and audits the counts", async () => {
    if (own) {
      const handle = await getDbHandle();
      const [db] = await handle.query<{ name: string }>("select current_database() as name");
      expect(db!.name).toBe(own.name);
    }
    const now = new Date();
    await runRetentionPurge({ now }); // whatever earlier tests left past its period
    const a = await createAccount();
    const b = await createAccount();
    const seeded = [await seedAged(a.id, now), await seedAged(b.id, now)];
    const gone = seeded.flatMap((s) => s.gone);
    const kept = seeded.flatMap((s) => s.kept);

    const result = await runRetentionPurge({ now });
    expect(await existing(gone)).toEqual([]);
    expect(await existing(kept)).toEqual(kept);
    expect(nonZero(result.rows)).toEqual(directCounts(gone));
    expect(result.rows.print_jobs).toBe(2);
    expect(result.rows.print_job_temperature_samples).toBe(4);
    expect(result.rows.consent_events).toBe(2); // visitors' only
    expect(result.rows.audit_log).toBeUndefined();

    const audit = await lastPurgeAudit();
    expect(audit).toMatchObject({ actorRole: "system", subjectId: null });
    expect(audit!.details).toEqual({ asOf: now.toISOString(), rows: result.rows });

    const again = await runRetentionPurge({ now });
    expect(nonZero(again.rows)).toEqual({});
    expect((await lastPurgeAudit())!.details).toMatchObject({ rows: again.rows });
  });

  it("deletes in batches: with batches of 2 it still deletes everything, 2 rows at a time", async () => {
    const now = new Date();
    await runRetentionPurge({ now });
    const a = await createAccount();
    const db = await getDb();
    await db.insert(printJobs).values(
      Array.from({ length: 5 }, (_, i) => ({
        userId: a.id,
        name: `old-${i}.ufp`,
        status: "finished" as const,
        createdAt: ago(now, 1100 + i),
      })),
    );
    const batches: [string, number][] = [];
    const result = await runRetentionPurge({
      now,
      batchSize: 2,
      afterBatch: (table, rows) => void batches.push([table, rows]),
    });
    expect(result.rows.print_jobs).toBe(5);
    expect(batches.filter(([t]) => t === "print_jobs").map(([, n]) => n)).toEqual([2, 2, 1]);
    expect(batches.every(([, n]) => n <= 2)).toBe(true);
    const left = await db
      .select({ id: printJobs.id })
      .from(printJobs)
      .where(eq(printJobs.userId, a.id));
    expect(left).toEqual([]);
  });

  it("leaves the consent records of holders alone, and the trigger refuses other deletes", async () => {
    const handle = await getDbHandle();
    const holder = await createAccount();
    const db = await getDb();
    const [mine] = await db
      .insert(consentEvents)
      .values({
        userId: holder.id,
        scope: "cookies",
        policyVersion: "2019-1",
        decisions: {},
        method: "reject_all",
        language: "en",
        occurredAt: ago(new Date(), 4000),
      })
      .returning({ id: consentEvents.id });
    await runRetentionPurge({ now: new Date() });
    expect(await existing([`consent_events:${mine!.id}`])).toHaveLength(1);
    // Without the purge's setting, even a visitor's old record cannot be deleted.
    await db.insert(consentEvents).values({
      deviceId: randomUUID(),
      scope: "cookies",
      policyVersion: "2019-1",
      decisions: {},
      method: "accept_all",
      language: "en",
      occurredAt: ago(new Date(), 4000),
    });
    await expect(handle.query("delete from consent_events where user_id is null")).rejects.toThrow(
      /append-only/,
    );
    // With it, a holder's own record still cannot be deleted: only the account's cascade may.
    const purging = sql`select set_config('pc.retention_purge', txid_current()::text, true)`;
    await expect(
      db.transaction(async (tx) => {
        await tx.execute(purging);
        await tx.delete(consentEvents).where(eq(consentEvents.id, mine!.id));
      }),
    ).rejects.toThrow(/append-only/);
    // A value that does not name the deleting transaction opens nothing: not 'on', not another
    // transaction's id (a session-level SET or a connection option would give those).
    for (const value of [sql`'on'`, sql`(txid_current() - 1)::text`])
      await expect(
        db.transaction(async (tx) => {
          await tx.execute(sql`select set_config('pc.retention_purge', ${value}, true)`);
          await tx.delete(consentEvents).where(isNull(consentEvents.userId));
        }),
      ).rejects.toThrow(/append-only/);
    expect(await existing([`consent_events:${mine!.id}`])).toHaveLength(1);
  });
});

describe("the panels' dates are the job's", () => {
  const cases: { id: CategoryId; months?: number }[] = purgePlans
    .filter((p) => p.category && itemTarget(p.category)?.owner)
    .map((p) => ({ id: p.category!, months: p.category === "cura-configuration" ? 3 : undefined }))
    .concat([
      { id: "print-jobs", months: 3 },
      { id: "login-activity", months: 3 },
    ]);

  it.each(cases)(
    "$id (auto-delete $months): kept a second before the date shown, gone a second after",
    async ({ id, months }) => {
      const category = getCategory(id)!;
      const holder = await createAccount();
      await signInAs(holder);
      if (months) await setMyAutoDelete({ category: id, period: String(months) as "3" });
      const item = await seedItem(id, holder.id);
      const [stats] = await getMyCategoryStats([id], { oldest: true });
      const date = purgeDate(category, stats!.oldest!, months ? await getMyAutoDelete(id) : null);
      expect(date, "the panel shows a date").not.toBeNull();
      await actAsSession(null);

      await runRetentionPurge({ now: new Date(date!.getTime() - 1000) });
      expect(await existing([item]), "a second before").toEqual([item]);
      await runRetentionPurge({ now: new Date(date!.getTime() + 1000) });
      expect(await existing([item]), "a second after").toEqual([]);
    },
  );
});

/** Seeds the holder's rows at every age; returns the category's oldest item (the panel's). */
async function seedItem(id: CategoryId, userId: string): Promise<string> {
  await seedAged(userId, new Date());
  const target = itemTarget(id)!;
  const handle = await getDbHandle();
  const extra = target.where ? `and ${target.where}` : "";
  const [row] = await handle.query<{ id: string }>(
    `select t.id::text as id from ${target.from}
      where ${target.owner} = $1 and ${target.clock} is not null ${extra}
      order by ${target.clock} limit 1`,
    [userId],
  );
  return `${target.table}:${row!.id}`;
}

describe("a failing plan", () => {
  it("does not stop the others: later categories are still purged and the audit names it", async () => {
    const now = new Date();
    const holder = await createAccount();
    const db = await getDb();
    const [job] = await db
      .insert(printJobs)
      .values({
        userId: holder.id,
        name: "very-old.ufp",
        status: "finished",
        createdAt: ago(now, 1095 + 10),
      })
      .returning({ id: printJobs.id });
    purgePlans.unshift({
      category: "no-such-category" as CategoryId,
      label: "a plan that fails",
      targets: [],
    });
    try {
      await expect(runRetentionPurge({ now })).rejects.toThrow(/no category/);
    } finally {
      purgePlans.shift();
    }
    expect(await existing([`print_jobs:${job!.id}`])).toEqual([]);
    const audit = await lastPurgeAudit();
    expect(audit!.details).toMatchObject({ failed: ["no-such-category"] });
  });
});

describe("restricted data waits", () => {
  it("keeps a restricted holder's old print jobs until the restriction is lifted", async () => {
    const now = new Date();
    const restricted = await createAccount();
    const free = await createAccount();
    const db = await getDb();
    const jobs = await db
      .insert(printJobs)
      .values(
        [restricted.id, free.id].map((userId, i) => ({
          userId,
          name: `old-${i}.ufp`,
          status: "finished" as const,
          createdAt: ago(now, 1095 + 10),
        })),
      )
      .returning({ id: printJobs.id });
    const [choice] = await db
      .insert(processingChoices)
      .values({ userId: restricted.id, kind: "restriction", scope: "print-jobs" })
      .returning({ id: processingChoices.id });
    await runRetentionPurge({ now });
    const keys = jobs.map((j) => `print_jobs:${j.id}`);
    expect(await existing(keys)).toEqual([keys[0]]);
    // Lifted: the next run deletes it.
    await db
      .update(processingChoices)
      .set({ liftedAt: now })
      .where(eq(processingChoices.id, choice!.id));
    await runRetentionPurge({ now });
    expect(await existing(keys)).toEqual([]);
  });
});

describe("auto-delete", () => {
  it("a 3-month choice deletes a 4-month-old print job that the catalog's 3 years would keep", async () => {
    const now = new Date();
    const a = await createAccount();
    const b = await createAccount();
    const db = await getDb();
    const jobs = await db
      .insert(printJobs)
      .values(
        [a.id, b.id, b.id].map((userId, i) => ({
          userId,
          name: `recent-${i}.ufp`,
          status: "finished" as const,
          createdAt: ago(now, i === 2 ? 30 : 122),
        })),
      )
      .returning({ id: printJobs.id });
    await signInAs(b);
    expect(await setMyAutoDelete({ category: "print-jobs", period: "3" })).toEqual({
      changed: true,
      months: 3,
    });
    const result = await runRetentionPurge({ now });
    expect(result.rows.print_jobs).toBeGreaterThanOrEqual(1);
    expect(await existing(jobs.map((j) => `print_jobs:${j.id}`))).toEqual([
      `print_jobs:${jobs[0]!.id}`, // a: no choice, 3 years
      `print_jobs:${jobs[2]!.id}`, // b: a month old
    ]);
  });

  it("is saved, changed back to the standard period and audited; a repeat writes nothing", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    expect(await getMyAutoDelete("diagnostics")).toBeNull();
    await setMyAutoDelete({ category: "diagnostics", period: "3" });
    expect(await getMyAutoDelete("diagnostics")).toBe(3);
    expect((await setMyAutoDelete({ category: "diagnostics", period: "3" })).changed).toBe(false);
    await setMyAutoDelete({ category: "diagnostics", period: "standard" });
    expect(await getMyAutoDelete("diagnostics")).toBeNull();
    const db = await getDb();
    const audits = await db
      .select({ action: auditLog.action, targetId: auditLog.targetId, details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, holder.id), eq(auditLog.action, "data.auto_delete.set")))
      .orderBy(auditLog.id);
    expect(audits).toEqual([
      {
        action: "data.auto_delete.set",
        targetId: "diagnostics",
        details: { months: 3, previous: null },
      },
      {
        action: "data.auto_delete.set",
        targetId: "diagnostics",
        details: { months: null, previous: 3 },
      },
    ]);
  });

  it("refuses a category without auto-delete and a period not offered, changing nothing", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const bad = [
      [{ category: "printers", period: "3" }, "That kind of data has no auto-delete."],
      [{ category: "nonsense", period: "3" }, "That kind of data has no auto-delete."],
      [
        { category: "diagnostics", period: "18" },
        "That period is not offered for this kind of data.",
      ],
      [
        { category: "print-jobs", period: "36" },
        "That period is not offered for this kind of data.",
      ],
      [
        { category: "login-activity", period: "18" },
        "That period is not offered for this kind of data.",
      ],
      [
        { category: "print-jobs", period: "7" },
        "That period is not offered for this kind of data.",
      ],
    ] as const;
    for (const [input, message] of bad) {
      const error = await setMyAutoDelete(input as never).catch((e: unknown) => e);
      expect(error, JSON.stringify(input)).toBeInstanceOf(AppError);
      expect((error as AppError).message).toBe(message);
    }
    const db = await getDb();
    expect(
      await db.select().from(autoDeleteChoices).where(eq(autoDeleteChoices.userId, holder.id)),
    ).toEqual([]);
  });

  it("cannot be changed from a support view, and one holder's choice is not another's", async () => {
    const { user, ticket } = await grantedPair();
    await openView(user, ticket);
    await expect(setMyAutoDelete({ category: "print-jobs", period: "3" })).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    expect(await getMyAutoDelete("print-jobs")).toBeNull();
    const other = await createAccount();
    await signInAs(other);
    await setMyAutoDelete({ category: "print-jobs", period: "18" });
    await signInAs(user);
    expect(await getMyAutoDelete("print-jobs")).toBeNull();
    const db = await getDb();
    expect(
      await db.select().from(autoDeleteChoices).where(eq(autoDeleteChoices.userId, user.id)),
    ).toEqual([]);
  });
});
