import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { listAuditEvents } from "./list";
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
    // A cursor whose id is a uuid is not one of this list's (ids are numbers): the first page.
    const foreign = await listAuditEvents(db, {
      actorId: actor,
      limit: 3,
      after: `${same.getTime()}000_${randomUUID()}`,
    });
    expect(foreign.items.map((e) => e.id)).toEqual([d.id, c.id, b.id]);

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

  it("narrows by subject, actor, action and date range, each on its own and together", async () => {
    const db = await getDb();
    const actorA = "0a0a0a0a-0000-4000-8000-00000000000a";
    const actorB = "0b0b0b0b-0000-4000-8000-00000000000b";
    const subjectX = "1c1c1c1c-0000-4000-8000-00000000001c";
    const subjectY = "1d1d1d1d-0000-4000-8000-00000000001d";
    // Names and dates no other test writes, so other rows in a shared database cannot match.
    const actionP = "listfilter.opened";
    const actionQ = "listfilter.closed";
    const write = (actorId: string, subjectId: string, action: string, at: string) =>
      db.transaction((tx) =>
        writeAudit(tx, {
          actorId,
          actorRole: "agent",
          subjectId,
          action,
          ip: "192.0.2.1",
          occurredAt: new Date(at),
        }),
      );
    const r1 = (await write(actorA, subjectX, actionP, "1987-03-01T10:00:00.000Z")).id;
    const r2 = (await write(actorA, subjectY, actionQ, "1987-03-02T10:00:00.000Z")).id;
    const r3 = (await write(actorB, subjectX, actionQ, "1987-03-03T10:00:00.000Z")).id;
    const r4 = (await write(actorB, subjectY, actionP, "1987-03-04T10:00:00.000Z")).id;
    const ids = async (filter: Parameters<typeof listAuditEvents>[1]) =>
      (await listAuditEvents(db, filter)).items.map((e) => e.id);

    expect(await ids({ subjectId: subjectX })).toEqual([r3, r1]);
    expect(await ids({ subjectId: subjectY })).toEqual([r4, r2]);
    expect(await ids({ actorId: actorA })).toEqual([r2, r1]);
    expect(await ids({ actorId: actorB })).toEqual([r4, r3]);
    expect(await ids({ action: actionP })).toEqual([r4, r1]);
    expect(await ids({ action: actionQ })).toEqual([r3, r2]);
    // From is inclusive, to exclusive, to the millisecond.
    const range = (from: string, to: string) => ids({ from: new Date(from), to: new Date(to) });
    expect(await range("1987-03-02T10:00:00.000Z", "1987-03-04T10:00:00.000Z")).toEqual([r3, r2]);
    expect(await range("1987-03-02T10:00:00.001Z", "1987-03-04T10:00:00.001Z")).toEqual([r4, r3]);
    expect(await range("1987-02-01T00:00:00.000Z", "1987-03-01T10:00:00.000Z")).toEqual([]);
    expect(await ids({ from: new Date("1987-03-04T10:00:00.000Z"), actorId: actorB })).toEqual([
      r4,
    ]);
    expect(await ids({ to: new Date("1987-03-02T00:00:00.000Z"), actorId: actorA })).toEqual([r1]);
    // Together, every filter applies.
    expect(await ids({ subjectId: subjectX, action: actionQ })).toEqual([r3]);
    expect(await ids({ actorId: actorA, subjectId: subjectY })).toEqual([r2]);
    expect(await ids({ actorId: actorA, action: actionQ, subjectId: subjectX })).toEqual([]);
    expect(
      await ids({
        subjectId: subjectY,
        from: new Date("1987-03-01T00:00:00.000Z"),
        to: new Date("1987-03-03T00:00:00.000Z"),
      }),
    ).toEqual([r2]);
    const [row] = (await listAuditEvents(db, { subjectId: subjectX, action: actionP })).items;
    expect(row).toEqual({
      id: r1,
      occurredAt: new Date("1987-03-01T10:00:00.000Z"),
      actorId: actorA,
      actorRole: "agent",
      subjectId: subjectX,
      action: actionP,
      targetType: null,
      targetId: null,
      details: null,
    });
  });
});
