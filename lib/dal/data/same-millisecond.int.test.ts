import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, loginEvents, staffAccessEvents } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { listOutbox } from "@/lib/dal/mail/outbox";
import { listMySignIns } from "@/lib/dal/sessions";
import { listMyStaffAccess } from "@/lib/dal/support/staff-access";
import type { Page, PageInput } from "./keyset";

// Every list pages through keyset.ts with microsecond cursors. Rows whose times share a
// millisecond but not a microsecond are where a millisecond cursor (a JS Date) skips rows: the
// cursor rounds the page's last row down, so its neighbour a few microseconds older is neither
// "before" the cursor nor equal to it. Each list below is walked one row per page.

/** The three times, newest first: two in the same millisecond, 333 µs apart, then one older. */
const AT = [
  "2026-03-04 05:06:07.123789+00",
  "2026-03-04 05:06:07.123456+00",
  "2026-03-04 05:06:07.122000+00",
];
const at = (t: string) => sql`${t}::timestamptz`;

async function walk<T>(list: (input: PageInput) => Promise<Page<T>>): Promise<T[]> {
  const seen: T[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 10; pages++) {
    const page = await list({ after, limit: 1 });
    expect(page.items.length).toBeLessThanOrEqual(1);
    seen.push(...page.items);
    after = page.next ?? undefined;
    if (!after) return seen;
  }
  throw new Error("the list never ended");
}

describe("rows in the same millisecond, one row per page", () => {
  it("staff access: every visit appears once, newest first", async () => {
    const user = await createAccount();
    const db = await getDb();
    // Inserted newest first, so the id (the tie-break) cannot hide a skipped row.
    const made = await db
      .insert(staffAccessEvents)
      .values(
        AT.map((t, i) => ({
          userId: user.id,
          agentDisplayName: `Agent ${i}`,
          kind: "start" as const,
          ticketRef: `SUP-${i}`,
          reason: "Checking a same-millisecond page",
          occurredAt: at(t),
        })),
      )
      .returning({ id: staffAccessEvents.id });
    expect(made[0]!.id).toBeLessThan(made[1]!.id);
    await signInAs(user);
    const visits = await walk(listMyStaffAccess);
    expect(visits.map((v) => v.ticketRef)).toEqual(["SUP-0", "SUP-1", "SUP-2"]);
    expect(visits.map((v) => v.agentName)).toEqual(["Agent 0", "Agent 1", "Agent 2"]);
    // The cursor carries the microseconds: the second page starts right after 07.123789.
    const first = await listMyStaffAccess({ limit: 1 });
    expect(first.next).toBe(`1772600767123789_${made[0]!.id}`);
  });

  it("sign-in history: every attempt appears once, newest first", async () => {
    const user = await createAccount();
    const db = await getDb();
    const made = await db
      .insert(loginEvents)
      .values(
        AT.map((t) => ({
          userId: user.id,
          outcome: "failure" as const,
          reason: "bad_password",
          occurredAt: at(t),
        })),
      )
      .returning({ id: loginEvents.id });
    await signInAs(user);
    const history = await walk(listMySignIns);
    // signInAs recorded its own sign-in, the newest; then the three, newest first.
    expect(history).toHaveLength(4);
    expect(history.slice(1).map((h) => h.id)).toEqual(made.map((m) => m.id));
    expect(history.slice(1).map((h) => h.occurredAt.toISOString())).toEqual([
      "2026-03-04T05:06:07.123Z",
      "2026-03-04T05:06:07.123Z",
      "2026-03-04T05:06:07.122Z",
    ]);
  });

  it("mail outbox: every mail appears once, newest first", async () => {
    const db = await getDb();
    const to = `same-ms-${crypto.randomUUID()}@example.test`;
    // Far in the future, so these are the newest mails whatever else the database holds.
    const future = AT.map((t) => t.replace("2026", "2999"));
    const made = await db
      .insert(emailOutbox)
      .values(
        future.map((t, i) => ({
          kind: "test",
          toAddress: to,
          subject: `Same ms ${i}`,
          textBody: "x",
          // Already sent, so no mail worker running beside this test picks them up.
          status: "sent" as const,
          sentAt: at(t),
          createdAt: at(t),
        })),
      )
      .returning({ id: emailOutbox.id });
    const first = await listOutbox(db, { limit: 3 });
    expect(first.items.map((m) => m.subject)).toEqual(["Same ms 0", "Same ms 1", "Same ms 2"]);
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 3; i++) {
      const page = await listOutbox(db, { limit: 1, after });
      seen.push(...page.items.map((m) => m.id));
      after = page.next!;
    }
    expect(seen).toEqual(made.map((m) => m.id));
    await db.delete(emailOutbox).where(sql`${emailOutbox.toAddress} = ${to}`);
  });
});
