import { randomUUID } from "node:crypto";
import { inspect } from "node:util";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { staffAccessEvents } from "@/db/schema";
import { createAccount, signInAs } from "@/db/testing/auth";
import { listAuditEvents, writeAudit } from "@/lib/dal/audit";
import { listOutbox } from "@/lib/dal/mail/outbox";
import { listMySignIns } from "@/lib/dal/sessions";
import { listMyStaffAccess } from "@/lib/dal/support/staff-access";
import { listMyPrintJobs } from "./print-jobs";

// A cursor is whatever the URL says. One that is not a cursor of this list gives its first page;
// before, a time or id out of range reached the database, which threw (a 500 and a log line
// holding the SQL and the user's id).

const UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const T = "1732851010123456";
const junk = [
  "99999999999999999999",
  "99999999999999999999_1",
  "253402300800000000_1",
  `${T}_99999999999999999999`,
  `${T}_9223372036854775808`,
  `${T}_------------------------------------`,
  "-1_1",
  "garbage",
];

describe("a malformed cursor gives the first page", () => {
  it(
    "on the sign-in history, staff access and print jobs (per user)",
    { timeout: 180_000 },
    async () => {
      const user = await createAccount();
      const db = await getDb();
      await db.insert(staffAccessEvents).values({
        userId: user.id,
        agentDisplayName: "Agent",
        kind: "start",
        ticketRef: "SUP-9",
      });
      await signInAs(user);
      const signIns = await listMySignIns({ limit: 5 });
      expect(signIns.items).toHaveLength(1);
      const visits = await listMyStaffAccess();
      expect(visits.items.map((v) => v.ticketRef)).toEqual(["SUP-9"]);
      const jobs = await listMyPrintJobs({}, {});
      // Bigint lists also refuse a uuid id, uuid lists a number.
      const bigintJunk = [...junk, `${T}_${UUID}`];
      for (const key of ["after", "before"] as const) {
        const pages = await Promise.all(
          bigintJunk.map((bad) => listMySignIns({ limit: 5, [key]: bad })),
        );
        expect(pages).toEqual(bigintJunk.map(() => signIns));
        const views = await Promise.all(bigintJunk.map((bad) => listMyStaffAccess({ [key]: bad })));
        expect(views).toEqual(bigintJunk.map(() => visits));
      }
      const uuidJunk = [...junk, `${T}_42`];
      const jobPages = await Promise.all(
        uuidJunk.map((bad) => listMyPrintJobs({}, { after: bad })),
      );
      expect(jobPages).toEqual(uuidJunk.map(() => jobs));
    },
  );

  it("on the audit log and the mail outbox", async () => {
    const db = await getDb();
    const actor = randomUUID();
    const event = await db.transaction((tx) =>
      writeAudit(tx, { actorId: actor, actorRole: "agent", action: "support.grant" }),
    );
    const audit = await listAuditEvents(db, { actorId: actor });
    expect(audit.items.map((e) => e.id)).toEqual([event.id]);
    const outbox = await listOutbox(db, { limit: 2 });
    for (const bad of [...junk, `${T}_${UUID}`]) {
      expect(await listAuditEvents(db, { actorId: actor, after: bad })).toEqual(audit);
      expect(await listAuditEvents(db, { actorId: actor, before: bad })).toEqual(audit);
    }
    for (const bad of [...junk, `${T}_42`]) {
      expect((await listOutbox(db, { limit: 2, after: bad })).prev).toBeNull();
      expect((await listOutbox(db, { limit: 2, after: bad })).items.length).toBe(
        outbox.items.length,
      );
    }
  });
});

describe("a failing query", () => {
  it("is thrown with its code and message, never its SQL or parameters", async () => {
    const db = await getDb();
    const who = randomUUID();
    const error = await db
      .execute(sql`select ${who}::uuid as id, ${"99999999999999999999"}::bigint as n`)
      .then(
        () => null,
        (e: unknown) => e,
      );
    expect(error).toMatchObject({
      name: "DatabaseError",
      code: "22003",
      message: 'Database query failed (22003): value "…" is out of range for type bigint',
    });
    const printed = inspect(error, { showHidden: true, depth: 5 });
    expect(printed).not.toContain(who);
    expect(printed).not.toContain("99999999999999999999");
    expect(printed).not.toMatch(/select|params/i);
  });
});
