import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { loginEvents, materials, printJobMaterials, printJobs } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { EXACT_COUNT_CAP, getMyCategoryStats } from "./overview";
import { listMyPrintJobs } from "./print-jobs";
import { listMySignInPage } from "./sign-ins";

const HOUR = 3_600_000;

describe("keyset paging", () => {
  it("yields every row exactly once while new rows arrive between pages, and goes back exactly", async () => {
    const owner = await createAccount();
    await signInAs(owner);
    const db = await getDb();
    const base = Date.now() - 1000 * HOUR;
    // Many rows share a timestamp, so the id breaks ties.
    const rows = Array.from({ length: 53 }, (_, i) => ({
      userId: owner.id,
      name: `job-${i}`,
      status: "finished" as const,
      createdAt: new Date(base + Math.floor(i / 4) * HOUR),
    }));
    const original = (await db.insert(printJobs).values(rows).returning({ id: printJobs.id })).map(
      (r) => r.id,
    );

    const seen: string[] = [];
    const pages: { cursor: string | undefined; ids: string[] }[] = [];
    let after: string | undefined;
    for (let n = 0; n < 20; n++) {
      const page = await listMyPrintJobs({}, { after, limit: 7 });
      pages.push({ cursor: after, ids: page.items.map((j) => j.id) });
      seen.push(...page.items.map((j) => j.id));
      // New jobs arrive (newer than everything) and one lands in the middle of the history.
      await db
        .insert(printJobs)
        .values([{ userId: owner.id, name: `new-${n}`, status: "queued", createdAt: new Date() }]);
      if (!page.next) break;
      after = page.next;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect([...seen].sort()).toEqual([...original].sort());

    // "Previous" from the third page shows exactly the second page again.
    const third = await listMyPrintJobs({}, { after: pages[2]!.cursor, limit: 7 });
    expect(third.prev).not.toBeNull();
    const back = await listMyPrintJobs({}, { before: third.prev!, limit: 7 });
    expect(back.items.map((j) => j.id)).toEqual(pages[1]!.ids);
  });

  it("keeps rows made within the same millisecond apart (microsecond cursors)", async () => {
    const owner = await createAccount();
    await signInAs(owner);
    const db = await getDb();
    // now() + a few microseconds: identical in milliseconds, different in the database.
    const made: number[] = [];
    for (let i = 0; i < 9; i++) {
      const [row] = await db
        .insert(loginEvents)
        .values({
          userId: owner.id,
          outcome: "failure",
          reason: "bad_password",
          occurredAt: sql`timestamptz '2026-01-01 10:00:00.123' + ${i} * interval '1 microsecond'`,
        })
        .returning({ id: loginEvents.id });
      made.push(row!.id);
    }
    const ids: number[] = [];
    let after: string | undefined;
    do {
      const page = await listMySignInPage({ after, limit: 2 });
      ids.push(...page.items.map((e) => e.id));
      after = page.next ?? undefined;
    } while (after);
    // The test's own sign-in is in the history too.
    expect(ids).toHaveLength(10);
    expect(new Set(ids).size).toBe(10);
    expect(ids).toEqual(expect.arrayContaining(made));
  });

  it("filters by status, material and date range", async () => {
    const owner = await createAccount();
    await signInAs(owner);
    const db = await getDb();
    const [pla] = await db
      .insert(materials)
      .values({ guid: `test-${owner.id}`, brand: "Test", name: "PLA", type: "PLA", color: "Red" })
      .returning({ id: materials.id });
    const jobs = await db
      .insert(printJobs)
      .values([
        {
          userId: owner.id,
          name: "a",
          status: "failed",
          createdAt: new Date("2025-03-01T10:00:00Z"),
        },
        {
          userId: owner.id,
          name: "b",
          status: "finished",
          createdAt: new Date("2025-03-02T10:00:00Z"),
        },
        {
          userId: owner.id,
          name: "c",
          status: "finished",
          createdAt: new Date("2025-04-02T10:00:00Z"),
        },
      ])
      .returning({ id: printJobs.id, name: printJobs.name });
    await db
      .insert(printJobMaterials)
      .values({ printJobId: jobs[1]!.id, extruder: 1, userId: owner.id, materialId: pla!.id });
    const names = async (f: Parameters<typeof listMyPrintJobs>[0]) =>
      (await listMyPrintJobs(f, {})).items.map((j) => j.name);
    expect(await names({ status: "finished" })).toEqual(["c", "b"]);
    expect(await names({ material: pla!.id })).toEqual(["b"]);
    expect(
      await names({ from: new Date("2025-03-02T00:00:00Z"), to: new Date("2025-03-03T00:00:00Z") }),
    ).toEqual(["b"]);
  });
});

describe("overview counts", () => {
  it("are exact up to the cap and an estimate above it", async () => {
    const owner = await createAccount();
    await signInAs(owner);
    const db = await getDb();
    await db.execute(sql`insert into print_jobs (user_id, name, status, created_at)
      select ${owner.id}::uuid, 'bulk-' || g, 'finished', now() - g * interval '1 minute'
      from generate_series(1, ${EXACT_COUNT_CAP + 5}) g`);
    const [jobs, diagnostics] = await getMyCategoryStats(["print-jobs", "diagnostics"], {
      oldest: true,
    });
    expect(jobs!.count.approximate).toBe(true);
    expect(jobs!.count.value).toBeGreaterThan(EXACT_COUNT_CAP);
    expect(jobs!.latest).toBeInstanceOf(Date);
    expect(jobs!.oldest!.getTime()).toBeLessThan(jobs!.latest!.getTime());
    expect(diagnostics).toMatchObject({
      count: { value: 0, approximate: false },
      latest: null,
      oldest: null,
    });
  });
});
