import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listAuditEvents } from "./verify";
import { writeAudit } from "./write";

describe("listAuditEvents", () => {
  it("pages newest first by (occurred_at, id) with a cursor, returning only the DTO", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const subject = randomUUID();
    const write = (action: string, occurredAt: Date) =>
      db.transaction((tx) =>
        writeAudit(tx, {
          actorId: actor,
          actorRole: "agent",
          subjectId: subject,
          action,
          occurredAt,
        }),
      );
    const same = new Date("2024-05-06T07:08:09.010Z");
    const a = await write("support.grant", new Date(same.getTime() - 5));
    // Two events in the same millisecond: the id breaks the tie, and the cursor must skip neither.
    const b = await write("impersonation.start", same);
    const c = await write("impersonation.end", same);
    const d = await write("support.revoke", new Date(same.getTime() + 5));

    const first = await listAuditEvents(db, { actorId: actor, limit: 3 });
    expect(first.items.map((e) => e.id)).toEqual([d.id, c.id, b.id]);
    expect(first.next).toBe(`${same.getTime()}000_${b.id}`);
    const second = await listAuditEvents(db, { actorId: actor, limit: 3, after: first.next! });
    expect(second.items.map((e) => e.id)).toEqual([a.id]);
    expect(second.next).toBeNull();

    const walked: number[] = [];
    let after: string | undefined;
    do {
      const page = await listAuditEvents(db, { subjectId: subject, limit: 1, after });
      walked.push(...page.items.map((e) => e.id));
      after = page.next ?? undefined;
    } while (after);
    expect(walked).toEqual([d.id, c.id, b.id, a.id]);

    const action = "impersonation.start";
    const filtered = await listAuditEvents(db, { subjectId: subject, action });
    // Exactly the DTO: no ip, no hashes.
    expect(filtered.items).toEqual([
      {
        id: b.id,
        occurredAt: same,
        actorId: actor,
        actorRole: "agent",
        subjectId: subject,
        action: "impersonation.start",
        targetType: null,
        targetId: null,
        details: null,
      },
    ]);
    expect((await listAuditEvents(db, { actorId: randomUUID() })).items).toEqual([]);
  });
});
