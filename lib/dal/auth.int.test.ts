import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, loginEvents, sessions } from "@/db/schema";
import { getCurrentSession } from "@/lib/dal/session";
import { createAccount, signInAs, actAsSession } from "@/db/testing/auth";
import { authenticate } from "./auth";

const ip = () => `203.0.113.${Math.floor(Math.random() * 250) + 1}`;

describe("authenticate", () => {
  it("answers an unknown email exactly like a wrong password, and records the latter", async () => {
    const account = await createAccount();
    const wrong = await authenticate({
      email: account.email,
      password: "Nope-nope-nope-1",
      ip: ip(),
      userAgent: "UA",
    });
    const unknown = await authenticate({
      email: `${randomUUID()}@example.test`,
      password: "Nope-nope-nope-1",
      ip: ip(),
      userAgent: "UA",
    });
    expect(wrong).toEqual({ ok: false, reason: "invalid" });
    expect(unknown).toEqual(wrong);
    const db = await getDb();
    const events = await db
      .select({ outcome: loginEvents.outcome, reason: loginEvents.reason })
      .from(loginEvents)
      .where(eq(loginEvents.userId, account.id));
    expect(events).toEqual([{ outcome: "failure", reason: "bad_password" }]);
  });

  it("throttles an account after repeated failures, even for the right password, whatever the IP", async () => {
    const account = await createAccount();
    for (let i = 0; i < 5; i++) {
      await authenticate({
        email: account.email,
        password: `bad-${i}-password`,
        ip: ip(),
        userAgent: null,
      });
    }
    const blocked = await authenticate({
      email: account.email,
      password: account.password,
      ip: ip(),
      userAgent: null,
    });
    expect(blocked.ok).toBe(false);
    if (blocked.ok || blocked.reason !== "throttled") throw new Error("expected throttled");
    expect(blocked.retryAt.getTime()).toBeGreaterThan(Date.now());
  });

  it("throttles unknown emails the same way, so a block reveals nothing", async () => {
    const email = `${randomUUID()}@example.test`;
    for (let i = 0; i < 5; i++)
      await authenticate({ email, password: `bad-${i}-pw`, ip: ip(), userAgent: null });
    const result = await authenticate({
      email,
      password: "whatever-pw",
      ip: ip(),
      userAgent: null,
    });
    expect(result).toMatchObject({ ok: false, reason: "throttled" });
  });

  it("refuses unverified accounts only after the right password", async () => {
    const account = await createAccount({ verified: false });
    expect(
      await authenticate({
        email: account.email,
        password: "wrong-one-here",
        ip: ip(),
        userAgent: null,
      }),
    ).toEqual({
      ok: false,
      reason: "invalid",
    });
    expect(
      await authenticate({
        email: account.email,
        password: account.password,
        ip: ip(),
        userAgent: null,
      }),
    ).toEqual({
      ok: false,
      reason: "unverified",
    });
  });

  it("opens a session with IP, device and an audited sign-in event", async () => {
    const account = await createAccount();
    const address = ip();
    const sid = await signInAs(account, { ip: address });
    const db = await getDb();
    const [session] = await db
      .select({ ip: sessions.ip, device: sessions.device })
      .from(sessions)
      .where(eq(sessions.id, sid));
    expect(session).toEqual({ ip: address, device: "Firefox 131 on Linux" });
    const [event] = await db
      .select({
        sessionId: loginEvents.sessionId,
        ip: loginEvents.ip,
        outcome: loginEvents.outcome,
      })
      .from(loginEvents)
      .where(and(eq(loginEvents.userId, account.id), eq(loginEvents.outcome, "success")));
    expect(event).toEqual({ sessionId: sid, ip: address, outcome: "success" });
    const audit = await db
      .select({ action: auditLog.action })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, account.id), eq(auditLog.targetId, sid)));
    expect(audit).toEqual([{ action: "auth.sign_in" }]);
  });
});

describe("session cookies", () => {
  it("read as signed out once the session is revoked or expired", async () => {
    const account = await createAccount();
    const sid = await signInAs(account);
    expect((await getCurrentSession())?.user.id).toBe(account.id);

    const db = await getDb();
    await db.update(sessions).set({ revokedAt: new Date() }).where(eq(sessions.id, sid));
    expect(await getCurrentSession()).toBeNull();

    const sid2 = await signInAs(account);
    await db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, sid2));
    expect(await getCurrentSession()).toBeNull();
  });

  it("ignore a forged or foreign cookie", async () => {
    await actAsSession(randomUUID());
    expect(await getCurrentSession()).toBeNull();
  });
});
