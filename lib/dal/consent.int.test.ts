import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { consentEvents, sessions } from "@/db/schema";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { ReadOnlyError } from "@/lib/auth/errors";
import { decisionsFor } from "@/lib/consent/decisions";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { organisation } from "@/lib/organisation";
import { getMyLatestCookieChoice, listMyConsentEvents, recordCookieChoice } from "./consent";

const revision = organisation.cookieBannerRevision;

async function eventsOfDevice(deviceId: string) {
  const db = await getDb();
  return db
    .select()
    .from(consentEvents)
    .where(eq(consentEvents.deviceId, deviceId))
    .orderBy(desc(consentEvents.id));
}

beforeEach(async () => {
  testRequest.headers.set(CLIENT_IP_HEADER, "203.0.113.77");
  await actAsSession(null);
});

describe("cookie consent records", () => {
  it("a visitor's accept all is recorded exactly: device, revision, policy, decisions, method, truncated IP", async () => {
    const deviceId = randomUUID();
    const result = await recordCookieChoice({
      deviceId,
      revision,
      method: "accept_all",
      decisions: decisionsFor("accept_all", false),
      language: "nl",
    });
    expect("id" in result).toBe(true);
    const [row] = await eventsOfDevice(deviceId);
    expect(row).toMatchObject({
      deviceId,
      userId: null,
      scope: "cookies",
      bannerRevision: revision,
      policyVersion: organisation.policyVersion,
      decisions: decisionsFor("accept_all", false),
      method: "accept_all",
      language: "nl",
      ipTruncated: "203.0.113.0",
    });
  });

  it("each action appends its own event, in order, and GPC/override/withdraw keep their method", async () => {
    const deviceId = randomUUID();
    const gpc = decisionsFor("accept_all", true);
    const override = { ...gpc, doubleclick: true };
    const withdrawn = { ...override, hotjar: false };
    for (const [method, decisions] of [
      ["gpc", gpc],
      ["gpc_override", override],
      ["withdraw", withdrawn],
      ["reject_all", decisionsFor("reject_all", false)],
    ] as const) {
      await recordCookieChoice({ deviceId, revision, method, decisions, language: "en" });
    }
    const rows = (await eventsOfDevice(deviceId)).reverse();
    expect(rows.map((r) => r.method)).toEqual(["gpc", "gpc_override", "withdraw", "reject_all"]);
    expect(rows[0]!.decisions.doubleclick).toBe(false);
    expect(rows[1]!.decisions.doubleclick).toBe(true);
    expect(rows[2]!.decisions.hotjar).toBe(false);
    expect(Object.values(rows[3]!.decisions).some(Boolean)).toBe(false);
  });

  it("refuses unknown vendors and an outdated revision, recording nothing", async () => {
    const deviceId = randomUUID();
    const bad = recordCookieChoice({
      deviceId,
      revision,
      method: "custom",
      decisions: { ...decisionsFor("reject_all", false), "evil-tracker": true },
      language: "en",
    });
    await expect(bad).rejects.toMatchObject({ code: "invalid_input" });
    const old = recordCookieChoice({
      deviceId,
      revision: revision + 1,
      method: "accept_all",
      decisions: decisionsFor("accept_all", false),
      language: "en",
    });
    await expect(old).rejects.toMatchObject({ code: "invalid_input" });
    expect(await eventsOfDevice(deviceId)).toEqual([]);
  });

  it("a signed-in user's choice is theirs: it follows them and shows in their history only", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    await signInAs(a);
    const decisions = { ...decisionsFor("reject_all", false), hotjar: true };
    await recordCookieChoice({
      deviceId: randomUUID(),
      revision,
      method: "custom",
      decisions,
      language: "en",
    });
    expect(await getMyLatestCookieChoice()).toEqual({ revision, method: "custom", decisions });
    expect((await listMyConsentEvents()).map((e) => e.method)).toEqual(["custom"]);
    await signInAs(b);
    expect(await getMyLatestCookieChoice()).toBeNull();
    expect(await listMyConsentEvents()).toEqual([]);
  });

  it("a read-only (impersonated) session cannot consent for the account holder", async () => {
    const a = await createAccount();
    const sid = await signInAs(a);
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(
      recordCookieChoice({
        deviceId: randomUUID(),
        revision,
        method: "accept_all",
        decisions: decisionsFor("accept_all", false),
        language: "en",
      }),
    ).rejects.toBeInstanceOf(ReadOnlyError);
  });

  it("a recorded event cannot be updated or deleted", async () => {
    const deviceId = randomUUID();
    await recordCookieChoice({
      deviceId,
      revision,
      method: "reject_all",
      decisions: decisionsFor("reject_all", false),
      language: "en",
    });
    const db = await getDb();
    const where = and(eq(consentEvents.deviceId, deviceId), eq(consentEvents.method, "reject_all"));
    await expect(
      db.update(consentEvents).set({ method: "accept_all" }).where(where),
    ).rejects.toThrow();
    await expect(db.delete(consentEvents).where(where)).rejects.toThrow();
    const [row] = await eventsOfDevice(deviceId);
    expect(row!.method).toBe("reject_all");
  });
});
