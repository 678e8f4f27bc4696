import { randomInt, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { emailOutbox, privacyRequestEvents, privacyRequests } from "@/db/schema";
import { createAccount } from "@/db/testing/auth";
import { env } from "@/lib/env";
import { addDays, type RequestKind } from "@/lib/requests/clock";
import { addRequestEvent, openRequest } from "./core";
import { sendDueReminders } from "./reminders";

// A "now" of our own, centuries ahead: no other test's request falls in its window, so the
// counts sendDueReminders returns are this file's alone.
const now = new Date(Date.UTC(2200 + randomInt(0, 5000), randomInt(0, 12), 1, 9));

/** A request received so that it is due `dueInDays` after `now`. */
async function request(opts: {
  dueInDays: number;
  userId?: string | null;
  email?: string;
  kind?: RequestKind;
  events?: string[];
  status?: "received" | "in_progress" | "completed";
}) {
  const db = await getDb();
  const opened = await openRequest(db, {
    kind: opts.kind ?? "access",
    userId: opts.userId ?? null,
    requesterEmail: opts.userId ? null : (opts.email ?? `v-${randomUUID()}@example.test`),
    actorId: opts.userId ?? null,
    receivedAt: addDays(now, opts.dueInDays - env.REQUEST_DUE_DAYS),
  });
  for (const kind of opts.events ?? []) {
    await addRequestEvent(db, { requestId: opened.id, actorId: null, kind });
  }
  if (opts.status) {
    await db
      .update(privacyRequests)
      .set({ status: opts.status })
      .where(eq(privacyRequests.id, opened.id));
  }
  return opened;
}

async function remindersOf(requestId: string) {
  const db = await getDb();
  return db
    .select({ id: privacyRequestEvents.id })
    .from(privacyRequestEvents)
    .where(
      and(
        eq(privacyRequestEvents.requestId, requestId),
        eq(privacyRequestEvents.kind, "reminder_sent"),
      ),
    );
}

async function mailsTo(address: string) {
  const db = await getDb();
  return db
    .select({ subject: emailOutbox.subject, text: emailOutbox.textBody, kind: emailOutbox.kind })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, address));
}

describe("sendDueReminders (requests.remind)", () => {
  it("reminds the holder of an unanswered request once, and leaves the others alone", async () => {
    const holder = await createAccount();
    const due = await request({ dueInDays: 5, userId: holder.id, kind: "erasure" });
    const onlyMessages = await request({ dueInDays: 1, events: ["verified", "message"] });
    const answered = await request({ dueInDays: 4, events: ["note"] });
    const notYet = await request({ dueInDays: env.REQUEST_REMINDER_DAYS + 2 });
    const overdue = await request({ dueInDays: -1 });
    const closed = await request({ dueInDays: 3, status: "completed" });

    expect(await sendDueReminders(now)).toBe(2);
    expect(await remindersOf(due.id)).toHaveLength(1);
    expect(await remindersOf(onlyMessages.id)).toHaveLength(1);
    for (const r of [answered, notYet, overdue, closed]) {
      expect(await remindersOf(r.id)).toHaveLength(0);
    }

    const [mail, ...more] = await mailsTo(holder.email);
    expect(more).toHaveLength(0);
    expect(mail!.kind).toBe("request_reminder");
    expect(mail!.subject).toContain(due.reference);
    expect(mail!.text).toContain("the erasure of your data");
    expect(mail!.text).toContain(`/account/requests/${due.reference}`);

    // The next hour's run finds nothing new.
    expect(await sendDueReminders(addDays(now, 1 / 24))).toBe(0);
    expect(await mailsTo(holder.email)).toHaveLength(1);
  });

  it("writes to a visitor's address, without a link to an account page", async () => {
    const email = `v-${randomUUID()}@example.test`;
    const visitor = await request({ dueInDays: 2, email, kind: "portability" });
    await sendDueReminders(now);
    const [mail] = await mailsTo(email);
    expect(mail!.text).toContain(visitor.reference);
    expect(mail!.text).toContain("your data in a portable format");
    expect(mail!.text).not.toContain("/account/requests/");
  });

  it("sends exactly one reminder when two instances run at the same moment", async () => {
    const holders = await Promise.all([createAccount(), createAccount(), createAccount()]);
    const requests = [];
    for (const h of holders) requests.push(await request({ dueInDays: 6, userId: h.id }));

    const later = addDays(now, 2 / 24);
    const [a, b] = await Promise.all([sendDueReminders(later), sendDueReminders(later)]);
    expect(a + b).toBe(3);
    for (const [i, r] of requests.entries()) {
      expect(await remindersOf(r.id)).toHaveLength(1);
      expect(await mailsTo(holders[i]!.email)).toHaveLength(1);
    }
  });
});
