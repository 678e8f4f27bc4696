import { desc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, loginEvents, supportAccessGrants } from "@/db/schema";
import { ReadOnlyError } from "@/lib/auth/errors";
import { getUserRow } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { changeMyPassword, requestMyEmailChange, updateMyProfile } from "@/lib/dal/account";
import {
  reauthenticate,
  reportSignInNotMe,
  revokeMyOtherSessions,
  revokeMySession,
} from "@/lib/dal/sessions";
import { grantSupportAccess, revokeSupportAccess } from "./grants";
import { eventsOf, grantedPair, newTicket, openView, sessionRow } from "./testing";

/**
 * Every mutation in the data layer, called from a support view. Add new ones here: each must
 * throw ReadOnlyError, change nothing, and leave a "write_refused" event naming itself.
 */
const mutations: { action: string; run: (ctx: Ctx) => Promise<unknown> }[] = [
  {
    action: "profile.update",
    run: () =>
      updateMyProfile({
        name: "Changed By Agent",
        company: null,
        country: null,
        phone: null,
        language: "nl",
      }),
  },
  { action: "profile.email_change", run: () => requestMyEmailChange("agent-chosen@example.test") },
  {
    action: "auth.password_change",
    run: (c) => changeMyPassword(c.password, "Agent-Picked-Password-99"),
  },
  { action: "session.revoke", run: (c) => revokeMySession(c.userSession) },
  { action: "session.revoke", run: () => revokeMyOtherSessions() },
  { action: "auth.reported_not_me", run: (c) => reportSignInNotMe(c.signInEventId) },
  { action: "auth.reauthenticate", run: (c) => reauthenticate(c.password) },
  { action: "support.grant", run: () => grantSupportAccess({ ticketRef: newTicket(), hours: 24 }) },
  { action: "support.revoke", run: (c) => revokeSupportAccess(c.grantId) },
];

type Ctx = { password: string; userSession: string; signInEventId: number; grantId: string };

describe("a support view is read-only", () => {
  it("refuses every data-layer mutation, changes nothing, and logs each refusal", async () => {
    const { user, userSession, ticket, grant } = await grantedPair();
    const db = await getDb();
    const [signIn] = await db
      .select({ id: loginEvents.id })
      .from(loginEvents)
      .where(eq(loginEvents.userId, user.id))
      .orderBy(desc(loginEvents.id))
      .limit(1);
    const before = await getUserRow(user.id);
    const auditBefore = await db
      .select({ id: auditLog.id })
      .from(auditLog)
      .where(eq(auditLog.subjectId, user.id))
      .orderBy(auditLog.id);
    const viewId = await openView(user, ticket);
    const ctx: Ctx = {
      password: user.password,
      userSession,
      signInEventId: signIn!.id,
      grantId: grant.id,
    };

    testRequest.headers.set("x-pc-path", "/account/profile");
    try {
      for (const m of mutations) {
        await expect(m.run(ctx), m.action).rejects.toBeInstanceOf(ReadOnlyError);
      }
    } finally {
      testRequest.headers.clear();
    }

    const refused = (await eventsOf(viewId)).filter((e) => e.kind === "write_refused");
    expect(refused).toEqual(
      mutations.map((m) => ({ kind: "write_refused", path: "/account/profile", reason: m.action })),
    );
    // Nothing changed: profile, password, sessions, grants; the only new audit row is the start.
    const after = await getUserRow(user.id);
    expect(after).toEqual(before);
    expect((await sessionRow(userSession)).revokedAt).toBeNull();
    expect((await sessionRow(viewId)).revokedAt).toBeNull();
    expect((await sessionRow(viewId)).reauthenticatedAt).toBeNull();
    const grants = await db
      .select({ id: supportAccessGrants.id, revokedAt: supportAccessGrants.revokedAt })
      .from(supportAccessGrants)
      .where(eq(supportAccessGrants.userId, user.id));
    expect(grants).toEqual([{ id: grant.id, revokedAt: null }]);
    const auditAfter = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(eq(auditLog.subjectId, user.id))
      .orderBy(auditLog.id);
    expect(auditAfter.slice(auditBefore.length).map((a) => a.action)).toEqual([
      "impersonation.start",
    ]);
  });
});
