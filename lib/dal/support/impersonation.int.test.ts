import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, emailOutbox, loginEvents, sessions, supportAccessGrants } from "@/db/schema";
import { getCurrentSession } from "@/lib/dal/session";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { listMySessions } from "@/lib/dal/sessions";
import { revokeSupportAccess } from "./grants";
import {
  breakGlass,
  endImpersonation,
  getImpersonationBanner,
  startImpersonation,
} from "./impersonation";
import { listMyStaffAccess } from "./staff-access";
import {
  eventsOf,
  expireGrant,
  grantedPair,
  NOT_FOUND,
  newTicket,
  openView,
  REASON,
  sessionRow,
} from "./testing";

const MINUTE = 60_000;

describe("opening a user's account", () => {
  it("is refused without an active grant for that ticket", async () => {
    const user = await createAccount();
    const agent = await createAccount({ role: "agent" });
    await signInAs(agent);
    const none = await startImpersonation({ userId: user.id, ticketRef: "SUP-1", reason: REASON });
    expect(none).toEqual({ ok: false, reason: "no_grant" });

    const pair = await grantedPair();
    const wrong = await startImpersonation({
      userId: pair.user.id,
      ticketRef: newTicket(),
      reason: REASON,
    });
    expect(wrong).toEqual({ ok: false, reason: "no_grant" });
    await expireGrant(pair.grant.id, new Date(Date.now() - 1000));
    const expired = await startImpersonation({
      userId: pair.user.id,
      ticketRef: pair.ticket,
      reason: REASON,
    });
    expect(expired).toEqual({ ok: false, reason: "no_grant" });
  });

  it("with a grant, gives a new read-only session for the user, capped at 60 minutes", async () => {
    const { user, agent, agentSession, ticket, grant } = await grantedPair({ hours: 24 });
    const before = Date.now();
    const viewId = await openView(user, ticket);
    const current = await getCurrentSession();
    expect(current).toMatchObject({ sessionId: viewId, readOnly: true, impersonatorId: agent.id });
    expect(current!.user.id).toBe(user.id);
    const row = await sessionRow(viewId);
    expect(row).toMatchObject({
      parentSessionId: agentSession,
      supportGrantId: grant.id,
      ip: null,
      userAgent: null,
    });
    expect(row.expiresAt.getTime()).toBeGreaterThanOrEqual(before + 60 * MINUTE);
    expect(row.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + 60 * MINUTE);
    expect(await eventsOf(viewId)).toEqual([{ kind: "start", path: null, reason: REASON }]);

    const db = await getDb();
    const mail = await db
      .select({ kind: emailOutbox.kind, subject: emailOutbox.subject, text: emailOutbox.textBody })
      .from(emailOutbox)
      .where(eq(emailOutbox.toAddress, user.email));
    const started = mail.find((m) => m.kind === "impersonation_started");
    expect(started?.text).toContain(ticket);
    expect(started?.text).toContain("/account/staff-access");
    const [audit] = await db
      .select({ actorId: auditLog.actorId, actorRole: auditLog.actorRole })
      .from(auditLog)
      .where(and(eq(auditLog.action, "impersonation.start"), eq(auditLog.targetId, viewId)));
    expect(audit).toEqual({ actorId: agent.id, actorRole: "agent" });
  });

  it("ends with the grant when the grant ends first", async () => {
    const { user, ticket, grant } = await grantedPair({ hours: 1 });
    const soon = new Date(Date.now() + 10 * MINUTE);
    await expireGrant(grant.id, soon);
    const viewId = await openView(user, ticket);
    expect((await sessionRow(viewId)).expiresAt.getTime()).toBe(soon.getTime());
    // Past its end, the view no longer reads as signed in.
    const db = await getDb();
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, viewId));
    expect(await getCurrentSession()).toBeNull();
  });

  it("refuses staff accounts, the agent's own, and plain users", async () => {
    const pair = await grantedPair();
    const db = await getDb();
    for (const role of ["agent", "admin"] as const) {
      const staff = await createAccount({ role });
      const ticket = newTicket();
      await db.insert(supportAccessGrants).values({
        userId: staff.id,
        ticketRef: ticket,
        expiresAt: new Date(Date.now() + 3_600_000),
      });
      await actAsSession(pair.agentSession);
      expect(
        await startImpersonation({ userId: staff.id, ticketRef: ticket, reason: REASON }),
      ).toEqual({ ok: false, reason: "not_allowed" });
    }
    const ticket = newTicket();
    await db.insert(supportAccessGrants).values({
      userId: pair.agent.id,
      ticketRef: ticket,
      expiresAt: new Date(Date.now() + 3_600_000),
    });
    expect(
      await startImpersonation({ userId: pair.agent.id, ticketRef: ticket, reason: REASON }),
    ).toEqual({ ok: false, reason: "not_allowed" });
    // A plain user, and an agent already inside a view, do not even learn the console exists.
    await actAsSession(pair.userSession);
    await expect(
      startImpersonation({ userId: pair.user.id, ticketRef: pair.ticket, reason: REASON }),
    ).rejects.toMatchObject(NOT_FOUND);
    await actAsSession(pair.agentSession);
    await openView(pair.user, pair.ticket);
    await expect(
      startImpersonation({ userId: pair.user.id, ticketRef: pair.ticket, reason: REASON }),
    ).rejects.toMatchObject(NOT_FOUND);
  });

  it("leaves no trace in the user's sign-in history or session list", async () => {
    const { user, userSession, ticket } = await grantedPair();
    const viewId = await openView(user, ticket);
    const db = await getDb();
    const history = await db
      .select({ sessionId: loginEvents.sessionId, ip: loginEvents.ip })
      .from(loginEvents)
      .where(eq(loginEvents.userId, user.id));
    expect(history.map((h) => h.sessionId)).toEqual([userSession]);
    await actAsSession(userSession);
    expect((await listMySessions()).map((s) => s.id)).toEqual([userSession]);
    expect((await sessionRow(viewId)).ip).toBeNull();
  });
});

describe("an open view", () => {
  it("records every page it is served — prefetches and actions too — and shows the banner", async () => {
    const { user, agent, ticket } = await grantedPair();
    const viewId = await openView(user, ticket);
    // Finding 6: whether a request is a prefetch or an action is said by headers the client
    // sets, so none of them may keep a page out of the holder's record.
    const request = async (path: string, headers: Record<string, string> = {}) => {
      testRequest.headers.clear();
      testRequest.headers.set("x-pc-path", path);
      for (const [name, value] of Object.entries(headers)) testRequest.headers.set(name, value);
      await getCurrentSession();
    };
    try {
      await request("/account/profile?after=123");
      await request("/account/data/printers", { "sec-purpose": "prefetch" });
      await request("/account/data/printers"); // the navigation after the prefetch: no repeat
      await request("/account/security", { "next-router-prefetch": "1", rsc: "1" });
      await request("/account/data/print-jobs", { "next-action": "abc" });
      await request("/account/data/print-jobs", { "next-action": "abc" }); // same page again
      await request("/account/profile", { "next-action": "abc", "sec-purpose": "prefetch" });
    } finally {
      testRequest.headers.clear();
    }
    const views = (await eventsOf(viewId)).filter((e) => e.kind === "page_view");
    expect(views).toEqual([
      { kind: "page_view", path: "/account/profile", reason: null },
      { kind: "page_view", path: "/account/data/printers", reason: null },
      { kind: "page_view", path: "/account/security", reason: null },
      { kind: "page_view", path: "/account/data/print-jobs", reason: null },
      { kind: "page_view", path: "/account/profile", reason: null },
    ]);
    const banner = await getImpersonationBanner();
    expect(banner).toMatchObject({ userName: user.name, staffName: agent.name, breakGlass: false });
  });

  it("ends when the user withdraws the grant, and is shown to the user with what was seen", async () => {
    const { user, userSession, agent, ticket, grant } = await grantedPair();
    const viewId = await openView(user, ticket);
    testRequest.headers.set("x-pc-path", "/account/security");
    await getCurrentSession();
    testRequest.headers.clear();

    await actAsSession(userSession);
    expect(await revokeSupportAccess(grant.id)).toBe(true);
    expect((await sessionRow(viewId)).revokedReason).toBe("grant_revoked");
    await actAsSession(viewId);
    expect(await getCurrentSession()).toBeNull();

    await actAsSession(userSession);
    const { items } = await listMyStaffAccess();
    expect(items[0]).toMatchObject({
      agentName: agent.name,
      ticketRef: ticket,
      reason: REASON,
      breakGlass: false,
      endNote: "You withdrew the access",
      pages: [{ path: "/account/security", at: expect.any(Date) }],
    });
    expect(items[0]!.endedAt).toBeInstanceOf(Date);
  });

  it("ends on its next request when the grant was revoked behind its back, or the agent's session ended", async () => {
    const db = await getDb();
    const first = await grantedPair();
    const viewA = await openView(first.user, first.ticket);
    await db
      .update(supportAccessGrants)
      .set({ revokedAt: new Date() })
      .where(eq(supportAccessGrants.id, first.grant.id));
    expect(await getCurrentSession()).toBeNull();
    expect(await sessionRow(viewA)).toMatchObject({ revokedReason: "grant_ended" });
    expect((await eventsOf(viewA)).at(-1)).toMatchObject({ kind: "end" });

    const second = await grantedPair();
    const viewB = await openView(second.user, second.ticket);
    await db
      .update(sessions)
      .set({ revokedAt: new Date() })
      .where(eq(sessions.id, second.agentSession));
    expect(await getCurrentSession()).toBeNull();
    expect(await sessionRow(viewB)).toMatchObject({ revokedReason: "impersonation_invalid" });
  });

  it("ends on demand and hands the agent's own session back", async () => {
    const { user, agent, agentSession, ticket } = await grantedPair();
    const viewId = await openView(user, ticket);
    expect(await endImpersonation(viewId)).toEqual({ parentSessionId: agentSession });
    expect(await sessionRow(viewId)).toMatchObject({ revokedReason: "impersonation_ended" });
    expect((await eventsOf(viewId)).at(-1)).toMatchObject({
      kind: "end",
      reason: "The agent ended the view",
    });
    expect(await endImpersonation(agentSession)).toBeNull(); // not a view: nothing happens
    await actAsSession(agentSession);
    expect((await getCurrentSession())?.user.id).toBe(agent.id);
  });
});

describe("break glass", () => {
  it("is for admins only, needs no grant, and tells the user at once", async () => {
    const user = await createAccount();
    const agent = await createAccount({ role: "agent" });
    await signInAs(agent);
    const justification = "Fraud team reports this account is used to attack our printers now.";
    await expect(breakGlass({ userId: user.id, justification })).rejects.toMatchObject(NOT_FOUND);

    const admin = await createAccount({ role: "admin" });
    await signInAs(admin);
    const result = await breakGlass({ userId: user.id, justification });
    if (!result.ok) throw new Error(result.reason);
    expect(await eventsOf(result.sessionId)).toEqual([
      { kind: "break_glass", path: null, reason: justification },
    ]);
    const db = await getDb();
    const [mail] = await db
      .select({ text: emailOutbox.textBody })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.toAddress, user.email), eq(emailOutbox.kind, "break_glass")));
    expect(mail?.text).toContain(justification);
    const [audit] = await db
      .select({ actorRole: auditLog.actorRole })
      .from(auditLog)
      .where(
        and(
          eq(auditLog.action, "impersonation.break_glass"),
          eq(auditLog.targetId, result.sessionId),
        ),
      );
    expect(audit).toEqual({ actorRole: "admin" });
    await actAsSession(result.sessionId);
    expect(await getCurrentSession()).toMatchObject({ readOnly: true, impersonatorId: admin.id });
  });
});
