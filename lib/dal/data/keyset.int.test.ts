import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { loginEvents, printJobs } from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

// keyset() straight against the database, without a list function around it: what a page holds
// and which links it offers, on rows whose times differ by microseconds or not at all.

async function jobsPage(userId: string, input: PageInput): Promise<Page<string>> {
  const db = await getDb();
  const k = keyset(printJobs.createdAt, printJobs.id, "uuid", input);
  const rows = await db
    .select({ _k: cursorKey(printJobs.createdAt), id: printJobs.id, name: printJobs.name })
    .from(printJobs)
    .where(and(eq(printJobs.userId, userId), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, (r) => r.name);
}

async function eventsPage(userId: string, input: PageInput): Promise<Page<number>> {
  const db = await getDb();
  const k = keyset(loginEvents.occurredAt, loginEvents.id, "bigint", input);
  const rows = await db
    .select({ _k: cursorKey(loginEvents.occurredAt), id: loginEvents.id })
    .from(loginEvents)
    .where(and(eq(loginEvents.userId, userId), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, (r) => r.id);
}

/** Seven jobs a microsecond apart, job-0 the oldest; job-5 and job-6 share their time. */
async function sevenJobs() {
  const owner = await createAccount();
  const db = await getDb();
  await db.insert(printJobs).values(
    [0, 1, 2, 3, 4, 5, 5].map((us, i) => ({
      userId: owner.id,
      name: `job-${i}`,
      status: "finished" as const,
      createdAt: sql`timestamptz '2026-02-03 04:05:06.789+00' + ${us} * interval '1 microsecond'`,
    })),
  );
  return owner;
}

describe("keyset pages from the database", () => {
  it("hold exactly the page size, newest first, and the last one offers no next", async () => {
    const owner = await sevenJobs();
    const first = await jobsPage(owner.id, { limit: 3 });
    // job-5 and job-6 share a time; their uuids decide which is first, so compare as sets.
    expect(new Set(first.items.slice(0, 2))).toEqual(new Set(["job-5", "job-6"]));
    expect(first.items).toHaveLength(3);
    expect(first.items[2]).toBe("job-4");
    expect(first.prev).toBeNull();
    expect(first.next).toMatch(/^1770091506789004_[0-9a-f-]{36}$/);

    const second = await jobsPage(owner.id, { limit: 3, after: first.next! });
    expect(second.items).toEqual(["job-3", "job-2", "job-1"]);
    expect(second.next).toMatch(/^1770091506789001_/);
    expect(second.prev).toMatch(/^1770091506789003_/);

    const last = await jobsPage(owner.id, { limit: 3, after: second.next! });
    expect(last).toEqual({
      items: ["job-0"],
      next: null,
      prev: expect.stringMatching(/^1770091506789000_/),
    });

    // Back from the last page: exactly the second page, with both links.
    const back = await jobsPage(owner.id, { limit: 3, before: last.prev! });
    expect(back).toEqual(second);
    // Back from there: the first page, which has nothing newer before it.
    const front = await jobsPage(owner.id, { limit: 3, before: back.prev! });
    expect(front.items).toEqual(first.items);
    expect(front.prev).toBeNull();
    expect(front.next).toBe(first.next);
  });

  it("a history of exactly one page offers neither link", async () => {
    const owner = await sevenJobs();
    const all = await jobsPage(owner.id, { limit: 7 });
    expect(all.items).toHaveLength(7);
    expect(all.next).toBeNull();
    expect(all.prev).toBeNull();
    const bigger = await jobsPage(owner.id, { limit: 8 });
    expect(bigger.items).toEqual(all.items);
    expect(bigger.next).toBeNull();
    const smaller = await jobsPage(owner.id, { limit: 6 });
    expect(smaller.items).toEqual(all.items.slice(0, 6));
    expect(smaller.next).toMatch(/^1770091506789001_/);
  });

  it("page by bigint ids, walking every row once in both directions", async () => {
    const owner = await createAccount();
    const db = await getDb();
    const made = await db
      .insert(loginEvents)
      .values(
        Array.from({ length: 5 }, () => ({
          userId: owner.id,
          outcome: "failure" as const,
          reason: "bad_password",
          // All five in one microsecond: only the id orders them.
          occurredAt: sql`timestamptz '2026-01-01 10:00:00.123456+00'`,
        })),
      )
      .returning({ id: loginEvents.id });
    const newestFirst = made.map((r) => r.id).sort((a, b) => b - a);

    const pages: Page<number>[] = [];
    let after: string | undefined;
    do {
      const page = await eventsPage(owner.id, { limit: 2, after });
      pages.push(page);
      after = page.next ?? undefined;
    } while (after);
    expect(pages.map((p) => p.items)).toEqual([
      newestFirst.slice(0, 2),
      newestFirst.slice(2, 4),
      newestFirst.slice(4),
    ]);
    expect(pages[0]!.next).toBe(`1767261600123456_${newestFirst[1]}`);
    expect(pages[2]!.next).toBeNull();

    const back = await eventsPage(owner.id, { limit: 2, before: pages[2]!.prev! });
    expect(back.items).toEqual(newestFirst.slice(2, 4));
    expect(back.prev).toBe(`1767261600123456_${newestFirst[2]}`);
  });
});
