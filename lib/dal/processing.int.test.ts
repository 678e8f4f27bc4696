import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/db";
import { auditLog, emailOutbox, marketingPreferences, sessions } from "@/db/schema";
import { actAsSession, createAccount, signInAs, type TestAccount } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { ReadOnlyError } from "@/lib/auth/errors";
import { AppError } from "@/lib/errors";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { sendCampaign } from "./campaigns";
import { getMyMarketingPreferences, updateMyMarketingPreferences } from "./marketing";
import {
  getMyProcessing,
  getProcessingState,
  liftObjection,
  liftRestriction,
  setMyProcessingChoice,
  setObjection,
  setRestriction,
} from "./processing";

beforeEach(() => void testRequest.headers.set(CLIENT_IP_HEADER, "198.51.100.23"));

const topic = "software_updates" as const;

/** A confirmed subscriber, made directly (the double opt-in has its own tests). */
async function subscriber(): Promise<TestAccount> {
  const account = await createAccount();
  const db = await getDb();
  await db.insert(marketingPreferences).values({
    userId: account.id,
    newsletter: "confirmed",
    topics: [topic],
    confirmedAt: new Date(),
  });
  return account;
}

async function campaignMailsTo(email: string, campaign: string) {
  const db = await getDb();
  return db
    .select({ id: emailOutbox.id })
    .from(emailOutbox)
    .where(and(eq(emailOutbox.toAddress, email), eq(emailOutbox.kind, `campaign:${campaign}`)));
}

async function send(admin: TestAccount) {
  const name = `c-${randomUUID().slice(0, 8)}`;
  await signInAs(admin);
  await sendCampaign({
    name,
    topic,
    subject: "News",
    body: "Something new.",
    linkUrl: "https://ultimaker.com/",
    linkLabel: "Read",
  });
  return name;
}

describe("processing choices", () => {
  it("switch on and off at once, keep a history, and are audited", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    expect(await getProcessingState(holder.id)).toEqual({ restricted: [], objections: [] });

    expect((await setRestriction("print-jobs")).changed).toBe(true);
    expect((await setRestriction("print-jobs")).changed).toBe(false); // already on
    await setObjection("diagnostics");
    expect(await getProcessingState(holder.id)).toEqual({
      restricted: ["print-jobs"],
      objections: ["diagnostics"],
    });
    await liftRestriction("print-jobs");
    expect((await liftRestriction("print-jobs")).changed).toBe(false);
    await liftObjection("diagnostics");
    await setRestriction("print-jobs");

    const mine = await getMyProcessing();
    expect(mine.state).toEqual({ restricted: ["print-jobs"], objections: [] });
    expect(mine.history).toHaveLength(3);
    const lifted = mine.history.find((h) => h.kind === "restriction" && h.liftedAt);
    expect(lifted).toMatchObject({ scope: "print-jobs", startedBy: "you", liftedBy: "you" });

    const db = await getDb();
    const audits = await db
      .select({ action: auditLog.action, details: auditLog.details })
      .from(auditLog)
      .where(eq(auditLog.subjectId, holder.id))
      .orderBy(desc(auditLog.id));
    expect(audits.map((a) => a.action).filter((a) => a.startsWith("processing."))).toEqual([
      "processing.restrict",
      "processing.lift",
      "processing.lift",
      "processing.object",
      "processing.restrict",
    ]);
  });

  it("refuses scopes the catalog does not offer, and read-only sessions", async () => {
    const holder = await createAccount();
    const sid = await signInAs(holder);
    for (const bad of [
      { kind: "restriction", scope: "profile", on: true }, // not restrictable
      { kind: "objection", scope: "staff-access", on: true }, // not offered
      { kind: "objection", scope: "DROP TABLE", on: true },
    ] as const) {
      await expect(setMyProcessingChoice(bad)).rejects.toBeInstanceOf(AppError);
    }
    const db = await getDb();
    await db.update(sessions).set({ readOnly: true }).where(eq(sessions.id, sid));
    await expect(setRestriction("marketing")).rejects.toBeInstanceOf(ReadOnlyError);
    await actAsSession(null);
    expect(await getProcessingState(holder.id)).toEqual({ restricted: [], objections: [] });
  });

  it("one holder's choices never touch another's", async () => {
    const a = await createAccount();
    const b = await createAccount();
    await signInAs(a);
    await setRestriction("marketing");
    await signInAs(b);
    expect((await getMyProcessing()).history).toEqual([]);
    expect(await getProcessingState(a.id)).toMatchObject({ restricted: ["marketing"] });
  });
});

describe("enforcement where data is used", () => {
  it("a campaign skips a holder whose marketing is restricted, and reaches them after lifting", async () => {
    const admin = await createAccount({ role: "admin" });
    const restricted = await subscriber();
    const other = await subscriber();
    await signInAs(restricted);
    await setRestriction("marketing");

    const first = await send(admin);
    expect(await campaignMailsTo(restricted.email, first)).toHaveLength(0);
    expect(await campaignMailsTo(other.email, first)).toHaveLength(1);

    await signInAs(restricted);
    await liftRestriction("marketing");
    const second = await send(admin);
    expect(await campaignMailsTo(restricted.email, second)).toHaveLength(1);
  });

  it("a campaign skips a holder who objects to direct marketing, until the objection is lifted", async () => {
    const admin = await createAccount({ role: "admin" });
    const objector = await subscriber();
    const other = await subscriber();
    await signInAs(objector);
    await setObjection("direct-marketing");

    const first = await send(admin);
    expect(await campaignMailsTo(objector.email, first)).toHaveLength(0);
    expect(await campaignMailsTo(other.email, first)).toHaveLength(1);

    await signInAs(objector);
    await liftObjection("direct-marketing");
    const second = await send(admin);
    expect(await campaignMailsTo(objector.email, second)).toHaveLength(1);
  });

  it("an objection to profiling turns profiling off and keeps it off until lifted", async () => {
    const holder = await createAccount();
    await signInAs(holder);
    const prefs = {
      newsletter: false,
      topics: [],
      openTracking: false,
      clickTracking: false,
      profiling: true,
    };
    await updateMyMarketingPreferences(prefs);
    expect((await getMyMarketingPreferences()).profiling).toBe(true);

    await setObjection("profiling");
    expect((await getMyMarketingPreferences()).profiling).toBe(false);
    expect((await updateMyMarketingPreferences(prefs)).profiling).toBe(false);

    await liftObjection("profiling");
    expect((await updateMyMarketingPreferences(prefs)).profiling).toBe(true);
  });
});
