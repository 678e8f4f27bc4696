import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, consentEvents, users } from "@/db/schema";
import { actAsSession, createAccount, signInAs } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { decisionsFor, effectiveDecisions } from "@/lib/consent/decisions";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { organisation } from "@/lib/organisation";
import { getMyLatestCookieChoice, listMyConsentEvents, recordCookieChoice } from "./consent";

const revision = organisation.cookieBannerRevision;
const ANALYTICS = ["google-analytics", "hotjar"];
const ADVERTISING = [
  "doubleclick",
  "facebook-custom-audience",
  "facebook-pixel",
  "google-ads-conversion",
  "google-ads-user-lists",
  "google-dynamic-remarketing",
  "eloqua",
  "linkedin-ads",
  "linkedin-marketing-solutions",
  "bing-uet",
  "outbrain-amplify",
  "outbrain-pixel",
  "twitter-advertising",
  "twitter-conversion-tracking",
];
/** All 16 optional vendors, the listed ones granted, in catalog order. */
const only = (...granted: string[]) =>
  Object.fromEntries([...ANALYTICS, ...ADVERTISING].map((id) => [id, granted.includes(id)]));

const choose = (method: "custom" | "accept_all" | "reject_all" | "gpc_override", d = only()) =>
  recordCookieChoice({ deviceId: randomUUID(), revision, method, decisions: d, language: "en" });

async function auditOf(eventId: number) {
  const db = await getDb();
  return db
    .select({
      actorId: auditLog.actorId,
      actorRole: auditLog.actorRole,
      subjectId: auditLog.subjectId,
      action: auditLog.action,
      details: auditLog.details,
    })
    .from(auditLog)
    .where(and(eq(auditLog.targetType, "consent_event"), eq(auditLog.targetId, String(eventId))));
}

/** A consent event written straight to the table, as older versions of the app did. */
async function insertEvent(values: Partial<typeof consentEvents.$inferInsert>) {
  const db = await getDb();
  await db.insert(consentEvents).values({
    scope: "cookies",
    bannerRevision: revision,
    policyVersion: organisation.policyVersion,
    decisions: only(),
    method: "custom",
    language: "en",
    ...values,
  });
}

beforeEach(async () => {
  testRequest.headers.set(CLIENT_IP_HEADER, "198.51.100.23");
  await actAsSession(null);
});

describe("recording a cookie choice", () => {
  it("ties a signed-in user's choice to them, in their language, audited, in catalog order", async () => {
    const a = await createAccount();
    const db = await getDb();
    await db.update(users).set({ language: "nl" }).where(eq(users.id, a.id));
    await signInAs(a);
    const reversed = Object.fromEntries(Object.entries(only("hotjar", "doubleclick")).reverse());
    const result = await recordCookieChoice({
      deviceId: randomUUID(),
      revision,
      method: "custom",
      decisions: reversed,
      language: "en",
    });
    expect(result.decisions).toEqual(only("hotjar", "doubleclick"));
    expect(Object.keys(result.decisions)).toEqual([...ANALYTICS, ...ADVERTISING]);
    const [row] = await db.select().from(consentEvents).where(eq(consentEvents.id, result.id));
    expect(row).toMatchObject({
      userId: a.id,
      language: "nl",
      method: "custom",
      scope: "cookies",
      ipTruncated: "198.51.100.0",
      decisions: only("hotjar", "doubleclick"),
    });
    expect(await auditOf(result.id)).toEqual([
      {
        actorId: a.id,
        actorRole: "user",
        subjectId: a.id,
        action: "consent.change",
        details: { scope: "cookies", method: "custom" },
      },
    ]);
  });

  it("leaves a visitor's choice unaudited and in the language the browser sent", async () => {
    const deviceId = randomUUID();
    const result = await recordCookieChoice({
      deviceId,
      revision,
      method: "reject_all",
      decisions: only(),
      language: "nl",
    });
    expect(result).toEqual({ id: result.id, decisions: only() });
    const db = await getDb();
    const [row] = await db.select().from(consentEvents).where(eq(consentEvents.id, result.id));
    expect(row).toMatchObject({ deviceId, userId: null, language: "nl" });
    expect(await auditOf(result.id)).toEqual([]);
  });

  it("refuses with a message saying why, and records nothing", async () => {
    const deviceId = randomUUID();
    const record = (r: number, decisions: Record<string, boolean>) =>
      recordCookieChoice({ deviceId, revision: r, method: "custom", decisions, language: "en" });
    const refused = (message: string) =>
      expect.objectContaining({ code: "invalid_input", status: 400, message });
    await expect(record(revision + 1, only())).rejects.toEqual(
      refused("The cookie banner has changed. Please reload the page and choose again."),
    );
    await expect(record(revision - 1, only())).rejects.toEqual(
      refused("The cookie banner has changed. Please reload the page and choose again."),
    );
    await expect(record(revision, { ...only(), "evil-tracker": false })).rejects.toEqual(
      refused("Unknown vendors: evil-tracker"),
    );
    const { eloqua: _gone, ...missing } = only();
    await expect(record(revision, missing)).rejects.toEqual(refused("Missing vendors: eloqua"));
    const db = await getDb();
    expect(
      await db.select().from(consentEvents).where(eq(consentEvents.deviceId, deviceId)),
    ).toEqual([]);
  });
});

describe("a signed-in user's latest cookie choice", () => {
  it("is the newest of their own cookie choices, not a marketing one nor another user's", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    await signInAs(a);
    await choose("custom", only("hotjar"));
    await choose("reject_all", only("eloqua"));
    await insertEvent({
      userId: a.id,
      scope: "marketing",
      bannerRevision: null,
      method: "preferences",
      decisions: { newsletter: true },
      occurredAt: new Date(Date.now() + 60_000),
    });
    await signInAs(b);
    await choose("accept_all", only(...ANALYTICS, ...ADVERTISING));
    await signInAs(a);
    expect(await getMyLatestCookieChoice()).toEqual({
      revision,
      method: "reject_all",
      decisions: only("eloqua"),
    });
    await actAsSession(null);
    expect(await getMyLatestCookieChoice()).toBeNull();
  });

  it("reads an older method name as custom, and a choice without a revision as none", async () => {
    const a = await createAccount();
    await insertEvent({ userId: a.id, method: "preferences", decisions: only("hotjar") });
    await signInAs(a);
    expect(await getMyLatestCookieChoice()).toEqual({
      revision,
      method: "custom",
      decisions: only("hotjar"),
    });
    await insertEvent({
      userId: a.id,
      bannerRevision: null,
      occurredAt: new Date(Date.now() + 60_000),
    });
    expect(await getMyLatestCookieChoice()).toBeNull();
  });

  it("follows them to a browser sending GPC: advertising stays off unless they overrode it", async () => {
    const a = await createAccount();
    await signInAs(a);
    await choose("accept_all", decisionsFor("accept_all", false));
    const onGpcBrowser = async () =>
      effectiveDecisions(await getMyLatestCookieChoice(), { revision, gpc: true });
    expect(await onGpcBrowser()).toEqual(only(...ANALYTICS));
    expect(effectiveDecisions(await getMyLatestCookieChoice(), { revision, gpc: false })).toEqual(
      only(...ANALYTICS, ...ADVERTISING),
    );

    await choose("gpc_override", only("hotjar", "doubleclick"));
    expect(await onGpcBrowser()).toEqual(only("hotjar", "doubleclick"));
    await choose("custom", only("google-analytics", "linkedin-ads"));
    expect(await onGpcBrowser()).toEqual(only("google-analytics"));
  });
});

describe("a user's consent history", () => {
  it("lists their cookie and marketing events, newest first, exactly as recorded", async () => {
    const [a, b] = [await createAccount(), await createAccount()];
    const at = (minutes: number) => new Date(Date.UTC(2025, 5, 1, 12, minutes));
    await insertEvent({ userId: a.id, method: "accept_all", occurredAt: at(1) });
    await insertEvent({
      userId: a.id,
      scope: "marketing",
      bannerRevision: null,
      policyVersion: "2019-05",
      method: "double_opt_in",
      decisions: { newsletter: true },
      occurredAt: at(2),
    });
    await insertEvent({ userId: b.id, occurredAt: at(3) });
    await signInAs(a);
    const events = await listMyConsentEvents();
    expect(events).toEqual([
      {
        id: expect.any(Number),
        scope: "marketing",
        method: "double_opt_in",
        decisions: { newsletter: true },
        bannerRevision: null,
        policyVersion: "2019-05",
        occurredAt: at(2),
      },
      {
        id: expect.any(Number),
        scope: "cookies",
        method: "accept_all",
        decisions: only(),
        bannerRevision: revision,
        policyVersion: organisation.policyVersion,
        occurredAt: at(1),
      },
    ]);
    expect(events[0]!.id).toBeGreaterThan(events[1]!.id);
  });

  it("shows the latest 200, and nothing when signed out", async () => {
    const a = await createAccount();
    const db = await getDb();
    await db.insert(consentEvents).values(
      Array.from({ length: 201 }, (_, i) => ({
        userId: a.id,
        scope: "cookies" as const,
        bannerRevision: revision,
        policyVersion: organisation.policyVersion,
        decisions: only(),
        method: "custom" as const,
        language: "en",
        occurredAt: new Date(Date.UTC(2024, 0, 1, 0, i)),
      })),
    );
    await signInAs(a);
    const events = await listMyConsentEvents();
    expect(events).toHaveLength(200);
    expect(events[0]!.occurredAt).toEqual(new Date(Date.UTC(2024, 0, 1, 0, 200)));
    expect(events.at(-1)!.occurredAt).toEqual(new Date(Date.UTC(2024, 0, 1, 0, 1)));
    await actAsSession(null);
    await expect(listMyConsentEvents()).rejects.toThrow();
  });
});
