import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, emailOutbox, privacyRequestEvents, privacyRequests } from "@/db/schema";
import { actAsSession, createAccount, signInAs, type TestAccount } from "@/db/testing/auth";
import { env } from "@/lib/env";
import { addDays, type RequestKind } from "@/lib/requests/clock";
import { queueFiltersSchema } from "@/lib/validation/requests-staff";
import { grantedPair, NOT_FOUND, openView } from "@/lib/dal/support/testing";
import { openRequest } from "./core";
import { getStaffRequest, listRequestQueue } from "./staff";
import {
  addRequestNote,
  askRequester,
  completeRequest,
  denyRequest,
  extendRequest,
  markRequestInProgress,
} from "./staff-actions";

const DAY = 86_400_000;
const REASON = "The customer's print history spans three systems that we must search by hand.";

async function fileRequest(holder: TestAccount | null, kind: RequestKind, daysAgo: number) {
  const db = await getDb();
  return openRequest(db, {
    kind,
    userId: holder?.id ?? null,
    requesterEmail: holder ? null : `visitor-${randomUUID()}@example.test`,
    actorId: holder?.id ?? null,
    receivedAt: new Date(Date.now() - daysAgo * DAY),
  });
}

async function staffSession(role: "agent" | "admin" = "agent") {
  const staff = await createAccount({ role });
  const sessionId = await signInAs(staff);
  return { staff, sessionId };
}

async function trail(requestId: string) {
  const db = await getDb();
  const [row] = await db.select().from(privacyRequests).where(eq(privacyRequests.id, requestId));
  const events = await db
    .select()
    .from(privacyRequestEvents)
    .where(eq(privacyRequestEvents.requestId, requestId))
    .orderBy(privacyRequestEvents.id);
  const audit = await db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.targetId, requestId), eq(auditLog.action, "request.update")))
    .orderBy(auditLog.id);
  return { row: row!, events, audit };
}

async function mailTo(to: string) {
  const db = await getDb();
  return db
    .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, to)))
    .orderBy(emailOutbox.createdAt);
}

const filters = (raw: Record<string, string>) => queueFiltersSchema.parse(raw);

describe("the staff request queue", () => {
  it("lists open requests soonest due first, overdue leading, with filters", async () => {
    const holder = await createAccount();
    const late = await fileRequest(holder, "access", 40);
    const soon = await fileRequest(holder, "erasure", 25);
    const fresh = await fileRequest(holder, "portability", 1);
    const closed = await fileRequest(holder, "objection", 10);
    const db = await getDb();
    await db
      .update(privacyRequests)
      .set({ status: "completed" })
      .where(eq(privacyRequests.id, closed.id));
    await staffSession();
    const q = holder.email;
    const ids = async (raw: Record<string, string>) =>
      (await listRequestQueue(filters({ q, ...raw }))).items.map((i) => i.id);
    expect(await ids({})).toEqual([late.id, soon.id, fresh.id]);
    expect(await ids({ kind: "erasure" })).toEqual([soon.id]);
    expect(await ids({ status: "completed" })).toEqual([closed.id]);
    expect(await ids({ status: "all" })).toEqual([late.id, soon.id, closed.id, fresh.id]);
    // Unknown values are ignored, never a crash.
    expect(await ids({ kind: "everything", status: "nonsense" })).toEqual([
      late.id,
      soon.id,
      fresh.id,
    ]);
    const [first] = (await listRequestQueue(filters({ q }))).items;
    expect(first).toMatchObject({
      reference: late.reference,
      requesterName: holder.name,
      requesterEmail: holder.email,
    });
    // Keyset paging on (due_at, id), both ways.
    const page1 = await listRequestQueue(filters({ q }), { limit: 2 });
    expect(page1.items.map((i) => i.id)).toEqual([late.id, soon.id]);
    const page2 = await listRequestQueue(filters({ q }), { limit: 2, after: page1.next! });
    expect(page2.items.map((i) => i.id)).toEqual([fresh.id]);
    const back = await listRequestQueue(filters({ q }), { limit: 2, before: page2.prev! });
    expect(back.items.map((i) => i.id)).toEqual([late.id, soon.id]);
  });

  it("shows a visitor's address as the requester, and finds a request by reference", async () => {
    const visitor = await fileRequest(null, "access", 3);
    await staffSession();
    const found = await listRequestQueue(filters({ q: visitor.reference.toLowerCase() }));
    expect(found.items).toHaveLength(1);
    expect(found.items[0]!.requesterEmail).toMatch(/^visitor-/);
    expect(found.items[0]!.requesterName).toBeNull();
    const detail = await getStaffRequest(visitor.id);
    expect(detail).toMatchObject({ hasAccount: false, reference: visitor.reference });
    expect(await getStaffRequest("not-a-uuid")).toBeNull();
    expect(await getStaffRequest(randomUUID())).toBeNull();
  });

  it("is refused to holders, signed-out visitors and support views", async () => {
    const pair = await grantedPair();
    const request = await fileRequest(pair.user, "access", 2);
    await actAsSession(pair.userSession);
    await expect(listRequestQueue(filters({}))).rejects.toMatchObject(NOT_FOUND);
    await expect(getStaffRequest(request.id)).rejects.toMatchObject(NOT_FOUND);
    for (const call of [
      () => addRequestNote({ requestId: request.id, note: "mine" }),
      () => completeRequest({ requestId: request.id, answer: "done" }),
      () => markRequestInProgress({ requestId: request.id }),
    ]) {
      await expect(call()).rejects.toMatchObject(NOT_FOUND);
    }
    await actAsSession(pair.agentSession);
    await openView(pair.user, pair.ticket);
    await expect(listRequestQueue(filters({}))).rejects.toMatchObject(NOT_FOUND);
    await expect(
      completeRequest({ requestId: request.id, answer: "done as the holder" }),
    ).rejects.toMatchObject(NOT_FOUND);
    await actAsSession(null);
    await expect(listRequestQueue(filters({}))).rejects.toThrow(); // redirect to sign-in
    expect((await trail(request.id)).events.map((e) => e.kind)).toEqual(["received"]);
  });
});

describe("staff actions on a request", () => {
  it("note, question, in progress, complete: each with its event, audit and mail", async () => {
    const holder = await createAccount();
    const request = await fileRequest(holder, "access", 2);
    const { staff } = await staffSession();
    await addRequestNote({ requestId: request.id, note: "Checked the printer logs first." });
    await askRequester({ requestId: request.id, question: "Which printer serial do you mean?" });
    expect(await markRequestInProgress({ requestId: request.id })).toEqual({
      status: "in_progress",
    });
    await expect(markRequestInProgress({ requestId: request.id })).rejects.toMatchObject({
      code: "conflict",
    });
    await completeRequest({
      requestId: request.id,
      answer: "Your export is ready in your account.",
    });
    const { row, events, audit } = await trail(request.id);
    expect(row.status).toBe("completed");
    expect(row.closedAt).toBeInstanceOf(Date);
    expect(events.map((e) => [e.kind, e.actorId])).toEqual([
      ["received", holder.id],
      ["note", staff.id],
      ["question", staff.id],
      ["in_progress", staff.id],
      ["completed", staff.id],
    ]);
    expect(events[2]!.note).toBe("Which printer serial do you mean?");
    expect(audit.map((a) => [a.details, a.actorId, a.actorRole, a.subjectId])).toEqual(
      ["note", "question", "in_progress", "completed"].map((change) => [
        { change },
        staff.id,
        "agent",
        holder.id,
      ]),
    );
    const mails = await mailTo(holder.email);
    expect(mails.map((m) => m.kind)).toEqual([
      "request_question",
      "request_in_progress",
      "request_completed",
    ]);
    expect(mails[0]!.text).toContain("Which printer serial do you mean?");
    expect(mails[0]!.text).toContain(`/account/requests/${request.reference}`);
    expect(mails[2]!.text).toContain("Your export is ready in your account.");
    expect(mails.some((m) => m.text.includes("printer logs"))).toBe(false); // notes stay inside
    const detail = await getStaffRequest(request.id);
    expect(detail!.events.map((e) => e.kind)).toContain("note");
    expect(detail!.events.at(-1)).toMatchObject({ actorName: staff.name, byStaff: true });
    // Closed: nothing more to ask or decide.
    await expect(
      askRequester({ requestId: request.id, question: "One more thing?" }),
    ).rejects.toMatchObject({ code: "conflict" });
  });

  it("mails a visitor's request to the address it came from, without an account link", async () => {
    const request = await fileRequest(null, "rectification", 2);
    await staffSession();
    await denyRequest({
      requestId: request.id,
      reason: "We could not confirm that this address belongs to the account holder.",
    });
    const { row } = await trail(request.id);
    const mails = await mailTo(row.requesterEmail!);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.text).toContain("We could not confirm that this address");
    expect(mails[0]!.text).not.toContain("/account/requests/");
    expect(row.status).toBe("denied");
  });

  it("extends once only, with a reason, never past the maximum", async () => {
    const holder = await createAccount();
    const request = await fileRequest(holder, "portability", 5);
    await staffSession("admin");
    const day = (d: Date) => d.toISOString().slice(0, 10);
    const latest = addDays(request.dueAt, env.REQUEST_MAX_EXTENSION_DAYS);
    await expect(
      extendRequest({ requestId: request.id, reason: REASON, dueDate: day(addDays(latest, 1)) }),
    ).rejects.toMatchObject({ code: "invalid_input", fieldErrors: { dueDate: expect.any(Array) } });
    await expect(
      extendRequest({ requestId: request.id, reason: REASON, dueDate: day(request.dueAt) }),
    ).rejects.toMatchObject({ code: "invalid_input" });
    expect(
      await extendRequest({ requestId: request.id, reason: REASON, dueDate: day(latest) }),
    ).toEqual({ status: "extended" });
    const { row, events, audit } = await trail(request.id);
    expect(row).toMatchObject({ status: "extended", extensionReason: REASON, dueAt: latest });
    expect(row.extendedAt).toBeInstanceOf(Date);
    expect(events.at(-1)).toMatchObject({ kind: "extended", note: REASON });
    expect(audit.at(-1)!.details).toEqual({ change: "extended" });
    const [mail] = await mailTo(holder.email);
    expect(mail!.text).toContain(REASON);
    await expect(
      extendRequest({ requestId: request.id, reason: REASON, dueDate: day(latest) }),
    ).rejects.toMatchObject({ code: "conflict" });
    // Still open: it can be completed after the extension.
    await completeRequest({ requestId: request.id, answer: "Here is your data." });
  });

  it("leaves erasure decisions to admins; agents may do the rest", async () => {
    const holder = await createAccount();
    const request = await fileRequest(holder, "erasure", 2);
    const { sessionId: agentSession } = await staffSession("agent");
    await expect(
      completeRequest({ requestId: request.id, answer: "Erased." }),
    ).rejects.toMatchObject({ code: "forbidden" });
    await expect(denyRequest({ requestId: request.id, reason: REASON })).rejects.toMatchObject({
      code: "forbidden",
    });
    await markRequestInProgress({ requestId: request.id });
    await addRequestNote({ requestId: request.id, note: "Waiting for the admin." });
    expect((await trail(request.id)).row.status).toBe("in_progress");
    await staffSession("admin");
    await completeRequest({ requestId: request.id, answer: "Your account will be erased." });
    expect((await trail(request.id)).row.status).toBe("completed");
    await actAsSession(agentSession);
  });

  it("leaves a holder's own 'delete my account' to run by itself: notes and questions only", async () => {
    const holder = await createAccount();
    const db = await getDb();
    const scheduledFor = new Date(Date.now() + 20 * DAY);
    const request = await openRequest(db, {
      kind: "erasure",
      userId: holder.id,
      actorId: holder.id,
      scheduledFor,
    });
    await staffSession("admin");
    const refused = { code: "conflict", title: "Erasure runs by itself" };
    await expect(markRequestInProgress({ requestId: request.id })).rejects.toMatchObject(refused);
    await expect(
      completeRequest({ requestId: request.id, answer: "Erased." }),
    ).rejects.toMatchObject(refused);
    await expect(denyRequest({ requestId: request.id, reason: REASON })).rejects.toMatchObject(
      refused,
    );
    await expect(
      extendRequest({
        requestId: request.id,
        reason: REASON,
        dueDate: addDays(request.dueAt, 10).toISOString().slice(0, 10),
      }),
    ).rejects.toMatchObject(refused);
    await addRequestNote({ requestId: request.id, note: "Seen; it runs by itself." });
    await askRequester({ requestId: request.id, question: "Do you want a copy first?" });
    const { row, events } = await trail(request.id);
    expect(row).toMatchObject({ status: "received", extendedAt: null, closedAt: null });
    expect(row.scheduledFor?.getTime()).toBe(scheduledFor.getTime());
    expect(events.map((e) => e.kind)).toEqual(["received", "note", "question"]);
  });

  it("lets only one of two simultaneous completions win", async () => {
    const holder = await createAccount();
    const request = await fileRequest(holder, "access", 2);
    await staffSession();
    const results = await Promise.allSettled([
      completeRequest({ requestId: request.id, answer: "First answer." }),
      completeRequest({ requestId: request.id, answer: "Second answer." }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ code: "conflict" });
    const { events, audit } = await trail(request.id);
    expect(events.filter((e) => e.kind === "completed")).toHaveLength(1);
    expect(audit).toHaveLength(1);
    expect(await mailTo(holder.email)).toHaveLength(1);
  });
});
