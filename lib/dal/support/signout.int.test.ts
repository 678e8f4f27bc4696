import { inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog } from "@/db/schema";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { authOptions } from "@/lib/dal/auth-options";
import { eventsOf, grantedPair, openView, sessionRow } from "./testing";
import { listMyStaffAccess } from "./staff-access";

/** What next-auth's POST /api/auth/signout runs with the cookie's decoded token. */
async function nextAuthSignOut(sid: string) {
  const signOut = authOptions().events?.signOut;
  if (!signOut) throw new Error("next-auth has no signOut event");
  await signOut({ token: { sid }, session: null as never });
}

/** The audit rows about these sessions, after their sign-in. */
async function auditOf(targetIds: string[]) {
  const db = await getDb();
  const rows = await db
    .select({
      action: auditLog.action,
      actorId: auditLog.actorId,
      subjectId: auditLog.subjectId,
      targetId: auditLog.targetId,
    })
    .from(auditLog)
    .where(inArray(auditLog.targetId, targetIds))
    .orderBy(auditLog.id);
  return rows.filter((r) => r.action !== "auth.sign_in");
}

describe("next-auth's own sign-out (finding 7)", () => {
  it("ends a support view as 'End session' does, and the agent's own session with it", async () => {
    const { user, userSession, agent, agentSession, ticket } = await grantedPair();
    const viewId = await openView(user, ticket);

    await nextAuthSignOut(viewId);

    expect(await sessionRow(viewId)).toMatchObject({
      revokedReason: "impersonation_ended",
      revokedAt: expect.any(Date),
    });
    expect(await sessionRow(agentSession)).toMatchObject({
      revokedReason: "signed_out",
      revokedAt: expect.any(Date),
    });
    expect(await sessionRow(userSession)).toMatchObject({ revokedAt: null });
    expect((await eventsOf(viewId)).at(-1)).toEqual({
      kind: "end",
      path: null,
      reason: "The agent ended the view",
    });
    // Audited as the agent ending the view, never as the holder signing out.
    expect(await auditOf([viewId, agentSession])).toEqual([
      { action: "impersonation.start", actorId: agent.id, subjectId: user.id, targetId: viewId },
      { action: "impersonation.end", actorId: agent.id, subjectId: user.id, targetId: viewId },
      { action: "auth.sign_out", actorId: agent.id, subjectId: agent.id, targetId: agentSession },
    ]);

    await actAsSession(userSession);
    const { items } = await listMyStaffAccess();
    expect(items[0]).toMatchObject({
      agentName: agent.name,
      endNote: "The agent ended the view",
      endedAt: expect.any(Date),
    });
  });

  it("still simply ends an ordinary session", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    await nextAuthSignOut(sid);
    expect(await sessionRow(sid)).toMatchObject({ revokedReason: "signed_out" });
    expect(await auditOf([sid])).toEqual([
      { action: "auth.sign_out", actorId: account.id, subjectId: account.id, targetId: sid },
    ]);
  });
});
