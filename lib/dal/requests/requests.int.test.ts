import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import {
  auditLog,
  emailOutbox,
  pendingPrivacyRequests,
  privacyRequestEvents,
  privacyRequests,
  sessions,
  users,
} from "@/db/schema";
import { createAccount, signInAs, actAsSession } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { ReadOnlyError } from "@/lib/auth/errors";
import { TooManyRequestsError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { addRequestEvent } from "./core";
import { addMyRequestMessage, cancelMyRequest, createMyRequest, getMyRequest } from "./holder";
import {
  addTrackedRequestMessage,
  cancelTrackedRequest,
  confirmPublicRequest,
  getTrackedRequest,
  purgeExpiredPendingRequests,
  submitPublicRequest,
  TRACKER_DAYS_AFTER_CLOSE,
  trackTokenFor,
} from "./public";

let ipCounter = 0;
beforeEach(() => {
  // Each test from its own address, so the per-IP mail budget never couples tests.
  ipCounter += 1;
  testRequest.headers.set(CLIENT_IP_HEADER, `203.0.113.${(ipCounter % 250) + 1}`);
});

async function mailsTo(to: string) {
  const db = await getDb();
  return db
    .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, text: emailOutbox.textBody })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt));
}

async function eventsOf(reference: string) {
  const db = await getDb();
  return db
    .select({ kind: privacyRequestEvents.kind, actorId: privacyRequestEvents.actorId })
    .from(privacyRequestEvents)
    .innerJoin(privacyRequests, eq(privacyRequests.id, privacyRequestEvents.requestId))
    .where(eq(privacyRequests.reference, reference))
    .orderBy(privacyRequestEvents.id);
}

function tokenFrom(text: string): string {
  const match = text.match(/\/requests\/verify\?token=([A-Za-z0-9_-]+)/);
  if (!match) throw new Error(`no confirmation link in: ${text}`);
  return match[1]!;
}

describe("a holder's requests", () => {
  it("files a request with its event, audit entry and receipt mail, and reads it back", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "other", details: "Which vendors?" });
    const tracker = await getMyRequest(reference);
    expect(tracker).toMatchObject({
      kind: "other",
      status: "received",
      open: true,
      overdue: false,
    });
    expect(tracker!.timeline.map((e) => [e.kind, e.who])).toEqual([["received", "you"]]);
    const [receipt] = await mailsTo(holder.email);
    expect(receipt!.kind).toBe("request_received");
    expect(receipt!.text).toContain(reference);
    expect(receipt!.text).toContain(`/account/requests/${reference}`);
    const db = await getDb();
    const audits = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, holder.id), eq(auditLog.action, "request.create")));
    expect(audits).toHaveLength(1);
  });

  it("hides staff notes and names who did what", async () => {
    const holder = await createAccount();
    const agent = await createAccount({ role: "agent" });
    await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "access", details: "" });
    const db = await getDb();
    const [row] = await db
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(eq(privacyRequests.reference, reference));
    await addRequestEvent(db, {
      requestId: row!.id,
      actorId: agent.id,
      kind: "note",
      note: "internal",
    });
    await addRequestEvent(db, {
      requestId: row!.id,
      actorId: agent.id,
      kind: "question",
      note: "Which printer?",
    });
    await addMyRequestMessage(reference, "The Ultimaker S5");
    const tracker = await getMyRequest(reference);
    expect(tracker!.timeline.map((e) => [e.kind, e.who, e.note])).toEqual([
      ["received", "you", null],
      ["question", "team", "Which printer?"],
      ["message", "you", "The Ultimaker S5"],
    ]);
  });

  it("another holder can neither read, message nor cancel it", async () => {
    const owner = await createAccount();
    const other = await createAccount();
    await signInAs(owner);
    const { reference } = await createMyRequest({ kind: "access", details: "" });
    await signInAs(other);
    expect(await getMyRequest(reference)).toBeNull();
    expect(await addMyRequestMessage(reference, "hello")).toBe("not_found");
    expect(await cancelMyRequest(reference)).toBe("not_found");
    expect((await eventsOf(reference)).map((e) => e.kind)).toEqual(["received"]);
  });

  it("cancels once: a second cancel, even concurrent, is refused and adds nothing", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "portability", details: "" });
    const outcomes = await Promise.all([cancelMyRequest(reference), cancelMyRequest(reference)]);
    expect(outcomes.sort()).toEqual(["closed", "ok"]);
    expect(await cancelMyRequest(reference)).toBe("closed");
    expect(await addMyRequestMessage(reference, "too late")).toBe("closed");
    expect((await eventsOf(reference)).map((e) => e.kind)).toEqual(["received", "cancelled"]);
    const tracker = await getMyRequest(reference);
    expect(tracker).toMatchObject({ status: "cancelled", open: false });
    expect(tracker!.closedAt).toBeInstanceOf(Date);
    expect(
      (await mailsTo(holder.email)).filter((m) => m.kind === "request_cancelled"),
    ).toHaveLength(1);
  });

  it("files ten requests an hour freely, then refuses a burst with when to try again", async () => {
    const holder = await createAccount();
    const other = await createAccount();
    await signInAs(holder);
    const burst = await Promise.allSettled(
      Array.from({ length: 14 }, () => createMyRequest({ kind: "access", details: "" })),
    );
    expect(burst.filter((r) => r.status === "fulfilled")).toHaveLength(10);
    const refused = burst.filter((r) => r.status === "rejected");
    expect(refused).toHaveLength(4);
    for (const r of refused) {
      expect(r.reason).toBeInstanceOf(TooManyRequestsError);
      expect((r.reason as TooManyRequestsError).message).toMatch(/try again in \d+ minutes?/);
    }
    const db = await getDb();
    const filed = await db
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(eq(privacyRequests.userId, holder.id));
    expect(filed).toHaveLength(10);
    // Another account's budget is its own.
    await signInAs(other);
    await expect(createMyRequest({ kind: "access", details: "" })).resolves.toBeTruthy();
  });

  it("limits messages on requests, per account and per tracker link", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "access", details: "" });
    const sent = await Promise.allSettled(
      Array.from({ length: 23 }, (_, i) => addMyRequestMessage(reference, `note ${i}`)),
    );
    expect(sent.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect((await eventsOf(reference)).filter((e) => e.kind === "message")).toHaveLength(20);

    await actAsSession(null);
    const email = `talkative-${randomUUID()}@example.test`;
    await submitPublicRequest({ email, kind: "access", details: "" });
    const outcome = await confirmPublicRequest(tokenFrom((await mailsTo(email))[0]!.text));
    const token = (outcome as { trackToken: string }).trackToken;
    const visitor = await Promise.allSettled(
      Array.from({ length: 22 }, (_, i) => addTrackedRequestMessage(token, `hello ${i}`)),
    );
    expect(visitor.filter((r) => r.status === "fulfilled")).toHaveLength(20);
    expect(visitor.filter((r) => r.status === "rejected")).toHaveLength(2);
  });

  it("refuses every change in a read-only session", async () => {
    const holder = await createAccount();
    const sid = await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "access", details: "" });
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(createMyRequest({ kind: "access", details: "" })).rejects.toBeInstanceOf(
      ReadOnlyError,
    );
    await expect(addMyRequestMessage(reference, "x")).rejects.toBeInstanceOf(ReadOnlyError);
    await expect(cancelMyRequest(reference)).rejects.toBeInstanceOf(ReadOnlyError);
    expect((await eventsOf(reference)).map((e) => e.kind)).toEqual(["received"]);
  });
});

describe("requests without an account", () => {
  beforeEach(() => actAsSession(null));

  it("starts only when the link is followed, once, linked to the address and not the account", async () => {
    const existing = await createAccount();
    expect(
      await submitPublicRequest({ email: existing.email, kind: "erasure", details: "" }),
    ).toEqual({ ok: true });
    const db = await getDb();
    expect(
      await db
        .select()
        .from(privacyRequests)
        .where(eq(privacyRequests.requesterEmail, existing.email)),
    ).toHaveLength(0);
    const [confirm] = await mailsTo(existing.email);
    expect(confirm!.kind).toBe("request_confirm");
    const token = tokenFrom(confirm!.text);

    const [first, second] = await Promise.all([
      confirmPublicRequest(token),
      confirmPublicRequest(token),
    ]);
    const outcomes = [first!, second!];
    expect(outcomes.map((o) => o.status).sort()).toEqual(["invalid", "ok"]);
    expect((await confirmPublicRequest(token)).status).toBe("invalid");

    const made = await db
      .select({ userId: privacyRequests.userId, reference: privacyRequests.reference })
      .from(privacyRequests)
      .where(eq(privacyRequests.requesterEmail, existing.email));
    expect(made).toEqual([{ userId: null, reference: expect.any(String) }]);
    expect((await eventsOf(made[0]!.reference)).map((e) => e.kind)).toEqual([
      "received",
      "verified",
    ]);
    expect(
      await db
        .select()
        .from(pendingPrivacyRequests)
        .where(eq(pendingPrivacyRequests.email, existing.email)),
    ).toHaveLength(0);

    const ok = outcomes.find((o) => o.status === "ok") as { trackToken: string };
    const tracker = await getTrackedRequest(ok.trackToken);
    expect(tracker!.timeline.map((e) => e.who)).toEqual(["you", "you"]);
    const receipt = (await mailsTo(existing.email)).find((m) => m.kind === "request_received");
    expect(receipt!.text).toContain("/requests/track/");
  });

  it("answers an unknown address exactly as a known one", async () => {
    const known = await createAccount();
    const unknown = `nobody-${randomUUID()}@example.test`;
    const a = await submitPublicRequest({ email: known.email, kind: "access", details: "" });
    const b = await submitPublicRequest({ email: unknown, kind: "access", details: "" });
    expect(a).toEqual(b);
    const [ma] = await mailsTo(known.email);
    const [mb] = await mailsTo(unknown);
    expect(ma!.subject).toBe(mb!.subject);
  });

  it("an expired, forged or tampered link changes nothing", async () => {
    const email = `late-${randomUUID()}@example.test`;
    await submitPublicRequest({ email, kind: "access", details: "" });
    const token = tokenFrom((await mailsTo(email))[0]!.text);
    const db = await getDb();
    expect((await confirmPublicRequest(`${token.slice(0, -2)}xx`)).status).toBe("invalid");
    expect((await confirmPublicRequest("prq_forged-forged-forged-forged")).status).toBe("invalid");
    expect((await confirmPublicRequest("")).status).toBe("invalid");
    await db
      .update(pendingPrivacyRequests)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(pendingPrivacyRequests.email, email));
    expect((await confirmPublicRequest(token)).status).toBe("expired");
    expect(
      await db.select().from(privacyRequests).where(eq(privacyRequests.requesterEmail, email)),
    ).toHaveLength(0);
  });

  it("the cleanup removes unconfirmed requests past their expiry, and only those", async () => {
    const late = `purge-late-${randomUUID()}@example.test`;
    const fresh = `purge-fresh-${randomUUID()}@example.test`;
    await submitPublicRequest({ email: late, kind: "access", details: "" });
    await submitPublicRequest({ email: fresh, kind: "access", details: "" });
    const db = await getDb();
    const expiry = new Date(Date.now() + 60_000);
    await db
      .update(pendingPrivacyRequests)
      .set({ expiresAt: expiry })
      .where(eq(pendingPrivacyRequests.email, late));
    const left = async (email: string) =>
      (
        await db
          .select()
          .from(pendingPrivacyRequests)
          .where(eq(pendingPrivacyRequests.email, email))
      ).length;
    // At its expiry it is still there; a moment later it goes, and the fresh one stays.
    await purgeExpiredPendingRequests(expiry);
    expect(await left(late)).toBe(1);
    expect(
      await purgeExpiredPendingRequests(new Date(expiry.getTime() + 1)),
    ).toBeGreaterThanOrEqual(1);
    expect(await left(late)).toBe(0);
    expect(await left(fresh)).toBe(1);
  });

  it("a tracker link stops working some time after its request is closed", async () => {
    const email = `closed-${randomUUID()}@example.test`;
    await submitPublicRequest({ email, kind: "access", details: "" });
    const outcome = await confirmPublicRequest(tokenFrom((await mailsTo(email))[0]!.text));
    const token = (outcome as { trackToken: string }).trackToken;
    const db = await getDb();
    const closeAgo = (days: number) =>
      db
        .update(privacyRequests)
        .set({ status: "completed", closedAt: new Date(Date.now() - days * 86_400_000) })
        .where(eq(privacyRequests.requesterEmail, email));
    await closeAgo(TRACKER_DAYS_AFTER_CLOSE - 1);
    expect((await getTrackedRequest(token))?.status).toBe("completed");
    await closeAgo(TRACKER_DAYS_AFTER_CLOSE + 1);
    expect(await getTrackedRequest(token)).toBeNull();
    expect(await addTrackedRequestMessage(token, "still there?")).toBe("not_found");
  });

  it("a tracker token works for its request only, and a tampered one for none", async () => {
    const email = `track-${randomUUID()}@example.test`;
    await submitPublicRequest({ email, kind: "other", details: "Do you hold my data?" });
    const outcome = await confirmPublicRequest(tokenFrom((await mailsTo(email))[0]!.text));
    const token = (outcome as { trackToken: string }).trackToken;
    // The payload names another request id (its first character changed): the MAC no longer fits.
    const tampered = (token[0] === "e" ? "f" : "e") + token.slice(1);
    expect(await getTrackedRequest(tampered)).toBeNull();
    expect(await addTrackedRequestMessage(tampered, "x")).toBe("not_found");
    expect(await cancelTrackedRequest(tampered)).toBe("not_found");
    // A holder's request cannot be reached through a tracker token.
    const holder = await createAccount();
    await signInAs(holder);
    const { reference } = await createMyRequest({ kind: "access", details: "" });
    const db = await getDb();
    const [row] = await db
      .select({ id: privacyRequests.id })
      .from(privacyRequests)
      .where(eq(privacyRequests.reference, reference));
    expect(await getTrackedRequest(trackTokenFor(row!.id))).toBeNull();
    await actAsSession(null);

    expect(await addTrackedRequestMessage(token, "Any news?")).toBe("ok");
    expect(await cancelTrackedRequest(token)).toBe("ok");
    expect(await cancelTrackedRequest(token)).toBe("closed");
    const tracker = await getTrackedRequest(token);
    expect(tracker!.status).toBe("cancelled");
    expect(tracker!.timeline.map((e) => e.kind)).toEqual([
      "received",
      "verified",
      "message",
      "cancelled",
    ]);
    expect((await mailsTo(email)).some((m) => m.kind === "request_cancelled")).toBe(true);
  });

  it("is rate-limited per address: the fourth in an hour is refused and mails nothing", async () => {
    const email = `busy-${randomUUID()}@example.test`;
    for (let i = 0; i < 3; i++) {
      expect(await submitPublicRequest({ email, kind: "access", details: "" })).toEqual({
        ok: true,
      });
    }
    const refused = await submitPublicRequest({ email, kind: "access", details: "" });
    expect(refused.ok).toBe(false);
    expect(await mailsTo(email)).toHaveLength(3);
  });

  it("is rate-limited per IP across addresses", async () => {
    testRequest.headers.set(CLIENT_IP_HEADER, "192.0.2.77");
    const results = [];
    for (let i = 0; i < 11; i++) {
      results.push(
        await submitPublicRequest({
          email: `ip-${i}-${randomUUID()}@example.test`,
          kind: "access",
          details: "",
        }),
      );
    }
    expect(results.slice(0, 10).every((r) => r.ok)).toBe(true);
    expect(results[10]!.ok).toBe(false);
  });
});

describe("a public request confirmed and cancelled while signed in", () => {
  // The visitor's language is read from the session before the transaction: read inside it,
  // the embedded database (one connection) waited for the transaction for ever.
  it("finishes, and mails in the signed-in account's language", async () => {
    const holder = await createAccount();
    const db = await getDb();
    await db.update(users).set({ language: "nl" }).where(eq(users.id, holder.id));
    await signInAs(holder);
    const email = `signed-in-visitor-${randomUUID()}@example.test`;
    await submitPublicRequest({ email, kind: "access", details: "" });
    const outcome = await confirmPublicRequest(tokenFrom((await mailsTo(email))[0]!.text));
    expect(outcome.status).toBe("ok");
    const token = (outcome as { trackToken: string }).trackToken;
    expect(await cancelTrackedRequest(token)).toBe("ok");
    const subjects = (await mailsTo(email)).map((m) => m.subject);
    expect(subjects.some((s) => /^We hebben je verzoek PR-/.test(s))).toBe(true);
    expect(subjects.some((s) => /^Je verzoek PR-.* is ingetrokken$/.test(s))).toBe(true);
    await actAsSession(null);
  }, 20_000);
});
