import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, sessions } from "@/db/schema";
import { ReauthRequiredError } from "@/lib/auth/errors";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { listAuditLog, verifyAuditLog } from "@/lib/dal/admin/audit";
import { listMailbox } from "@/lib/dal/admin/mailbox";
import { getSupportAccount, searchAccounts } from "./console";
import { grantSupportAccess, listMySupportGrants, revokeSupportAccess } from "./grants";
import { grantedPair, NOT_FOUND, newTicket, openView } from "./testing";

describe("granting support access", () => {
  it("needs a recent password, and lists active and past grants", async () => {
    const user = await createAccount();
    const sid = await signInAs(user);
    const db = await getDb();
    await db
      .update(sessions)
      .set({ createdAt: new Date(Date.now() - 3_600_000) })
      .where(eq(sessions.id, sid));
    await expect(grantSupportAccess({ ticketRef: newTicket(), hours: 1 })).rejects.toBeInstanceOf(
      ReauthRequiredError,
    );
    await db.update(sessions).set({ reauthenticatedAt: new Date() }).where(eq(sessions.id, sid));
    const a = await grantSupportAccess({ ticketRef: newTicket(), hours: 1 });
    const b = await grantSupportAccess({ ticketRef: newTicket(), hours: 24 });
    expect(b.expiresAt.getTime() - b.createdAt.getTime()).toBe(24 * 3_600_000);
    expect(await revokeSupportAccess(a.id)).toBe(true);
    expect(await revokeSupportAccess(a.id)).toBe(false);
    const grants = await listMySupportGrants();
    expect(grants.active.map((g) => g.id)).toEqual([b.id]);
    expect(grants.past.map((g) => g.id)).toEqual([a.id]);
    const actions = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, user.id), eq(auditLog.targetType, "support_access_grant")))
      .orderBy(auditLog.id);
    expect(actions.map((r) => r.action)).toEqual([
      "support.grant",
      "support.grant",
      "support.revoke",
    ]);
  });

  it("cannot withdraw another user's grant", async () => {
    const { grant } = await grantedPair();
    await signInAs(await createAccount());
    expect(await revokeSupportAccess(grant.id)).toBe(false);
    expect((await listMySupportGrants()).active).toEqual([]);
  });
});

describe("the agent console and the admin pages", () => {
  it("are not found for plain users, nor from inside a support view", async () => {
    const pair = await grantedPair();
    await actAsSession(pair.userSession);
    await expect(searchAccounts(pair.user.email)).rejects.toMatchObject(NOT_FOUND);
    await expect(getSupportAccount(pair.user.id)).rejects.toMatchObject(NOT_FOUND);
    await expect(listAuditLog({})).rejects.toMatchObject(NOT_FOUND);
    await expect(verifyAuditLog()).rejects.toMatchObject(NOT_FOUND);
    await actAsSession(pair.agentSession);
    await openView(pair.user, pair.ticket);
    await expect(searchAccounts(pair.user.email)).rejects.toMatchObject(NOT_FOUND);
  });

  it("let agents search account holders, showing only name, email and grant end", async () => {
    const { user, agent, grant, agentSession } = await grantedPair();
    await actAsSession(agentSession);
    const found = await searchAccounts(user.email.toUpperCase());
    expect(found).toEqual([
      { id: user.id, name: user.name, email: user.email, grantActiveUntil: grant.expiresAt },
    ]);
    expect(await searchAccounts(user.id)).toHaveLength(1);
    expect(await searchAccounts(agent.email)).toEqual([]); // staff are not listed
    expect(await searchAccounts("%")).toEqual([]); // wildcards are literal
    expect(await getSupportAccount(user.id)).toMatchObject({
      id: user.id,
      grantActiveUntil: grant.expiresAt,
    });
    expect(await getSupportAccount(agent.id)).toBeNull();
  });

  it("keep the audit log and mailbox to admins (agents get not found)", async () => {
    const agent = await createAccount({ role: "agent" });
    await signInAs(agent);
    await expect(listAuditLog({})).rejects.toMatchObject(NOT_FOUND);
    await expect(verifyAuditLog()).rejects.toMatchObject(NOT_FOUND);
    const admin = await createAccount({ role: "admin" });
    await signInAs(admin);
    const page = await listAuditLog({ actorId: admin.id, action: "auth.sign_in" });
    expect(page.items).toHaveLength(1);
    expect(page.items[0]).toMatchObject({ actorId: admin.id, subjectId: admin.id });
    expect(await verifyAuditLog()).toMatchObject({ ok: true });
    // Outside production (as here) the mailbox is the development inbox, open to all.
    expect(Array.isArray((await listMailbox({ limit: 1 })).items)).toBe(true);
  });
});
