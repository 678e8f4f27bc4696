import { randomUUID } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as clickRoute } from "@/app/api/email/click/[token]/route";
import { GET as openRoute } from "@/app/api/email/open/[token]/route";
import { POST as unsubscribeRoute } from "@/app/api/email/unsubscribe/[token]/route";
import { getDb } from "@/db";
import { auditLog, consentEvents, emailEngagementEvents, emailOutbox } from "@/db/schema";
import { actAsSession, createAccount, signInAs, type TestAccount } from "@/db/testing/auth";
import { testRequest } from "@/db/testing/next-request-mock";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import { sendCampaign } from "./campaigns";
import {
  confirmNewsletter,
  getMyMarketingPreferences,
  updateMyMarketingPreferences,
} from "./marketing";

const off = {
  newsletter: false,
  topics: [],
  openTracking: false,
  clickTracking: false,
  profiling: false,
};

beforeEach(() => void testRequest.headers.set(CLIENT_IP_HEADER, "198.51.100.23"));

async function mailsTo(to: string) {
  const db = await getDb();
  return db
    .select({
      kind: emailOutbox.kind,
      text: emailOutbox.textBody,
      html: emailOutbox.htmlBody,
      headers: emailOutbox.headers,
    })
    .from(emailOutbox)
    .where(eq(emailOutbox.toAddress, to))
    .orderBy(desc(emailOutbox.createdAt));
}

async function marketingEvents(userId: string) {
  const db = await getDb();
  return db
    .select({ method: consentEvents.method, decisions: consentEvents.decisions })
    .from(consentEvents)
    .where(and(eq(consentEvents.userId, userId), eq(consentEvents.scope, "marketing")))
    .orderBy(consentEvents.id);
}

/** Subscribes through the real double opt-in: preferences, then the emailed link. */
async function subscriber(
  tracking: { openTracking: boolean; clickTracking: boolean },
  confirm = true,
) {
  const account = await createAccount();
  await signInAs(account);
  const saved = await updateMyMarketingPreferences({
    ...off,
    newsletter: true,
    topics: ["software_updates"],
    ...tracking,
  });
  expect(saved.newsletter).toBe("pending");
  if (confirm) {
    const [mail] = await mailsTo(account.email);
    const token = /token=([A-Za-z0-9_-]+)/.exec(mail!.text)![1]!;
    await actAsSession(null);
    expect(await confirmNewsletter(token)).toBe("ok");
    expect(await confirmNewsletter(token)).toBe("used");
  }
  return account;
}

const tokenOf = (html: string, kind: "open" | "click") =>
  new RegExp(`/api/email/${kind}/([A-Za-z0-9_.-]+)`).exec(html)?.[1];

const call = (token: string) => ({ params: Promise.resolve({ token }) });

describe("marketing preferences", () => {
  it("newsletter needs double opt-in; every change is a consent event and an audit event", async () => {
    const account = await subscriber({ openTracking: true, clickTracking: false });
    await signInAs(account);
    expect(await getMyMarketingPreferences()).toMatchObject({
      newsletter: "confirmed",
      openTracking: true,
      clickTracking: false,
    });
    await updateMyMarketingPreferences({
      ...off,
      newsletter: true,
      topics: ["software_updates"],
      openTracking: true,
      profiling: true,
    });
    await updateMyMarketingPreferences({
      ...off,
      newsletter: true,
      topics: ["software_updates"],
      openTracking: true,
    });
    const events = await marketingEvents(account.id);
    expect(events.map((e) => e.method)).toEqual([
      "preferences",
      "double_opt_in",
      "preferences",
      "preferences",
    ]);
    expect(events[0]!.decisions).toMatchObject({
      newsletter: false,
      newsletter_requested: true,
      open_tracking: true,
    });
    expect(events[1]!.decisions).toMatchObject({ newsletter: true });
    expect(events[2]!.decisions.profiling).toBe(true);
    expect(events[3]!.decisions.profiling).toBe(false); // objection applies at once
    const db = await getDb();
    const audits = await db
      .select({ details: auditLog.details })
      .from(auditLog)
      .where(and(eq(auditLog.subjectId, account.id), eq(auditLog.action, "consent.change")));
    expect(audits).toHaveLength(4);
  });
});

describe("campaigns obey the recipients' choices", () => {
  let admin: TestAccount;
  let tracked: TestAccount;
  let untracked: TestAccount;
  let pending: TestAccount;
  const campaign = `c-${randomUUID().slice(0, 8)}`;

  it("only confirmed subscribers get it; pixel and rewritten links only where allowed", async () => {
    tracked = await subscriber({ openTracking: true, clickTracking: true });
    untracked = await subscriber({ openTracking: false, clickTracking: false });
    pending = await subscriber({ openTracking: true, clickTracking: true }, false);
    admin = await createAccount({ role: "admin" });
    await signInAs(admin);
    const { recipients } = await sendCampaign({
      name: campaign,
      topic: "software_updates",
      subject: "Cura 6 is out",
      body: "A new Cura is here.\n\nRead what changed.",
      linkUrl: "https://ultimaker.com/software/cura-6",
      linkLabel: "What is new",
    });
    expect(recipients).toBeGreaterThanOrEqual(2);

    const [t] = (await mailsTo(tracked.email)).filter((m) => m.kind === `campaign:${campaign}`);
    expect(tokenOf(t!.html!, "open")).toBeTruthy();
    expect(tokenOf(t!.html!, "click")).toBeTruthy();
    expect(t!.html).not.toContain("https://ultimaker.com/software/cura-6");

    const [u] = (await mailsTo(untracked.email)).filter((m) => m.kind === `campaign:${campaign}`);
    expect(u!.html).not.toContain("<img");
    expect(u!.html).not.toMatch(/\/api\/email\/(open|click)\//);
    expect(u!.html).toContain("https://ultimaker.com/software/cura-6");

    for (const m of [t!, u!]) {
      expect(m.headers!["List-Unsubscribe"]).toMatch(/^<http.*\/api\/email\/unsubscribe\/[^>]+>$/);
      expect(m.headers!["List-Unsubscribe-Post"]).toBe("List-Unsubscribe=One-Click");
    }
    expect((await mailsTo(pending.email)).filter((m) => m.kind === `campaign:${campaign}`)).toEqual(
      [],
    );
  });

  it("a pixel hit records an open only while open tracking is allowed", async () => {
    const [mail] = (await mailsTo(tracked.email)).filter((m) => m.kind === `campaign:${campaign}`);
    const token = tokenOf(mail!.html!, "open")!;
    await actAsSession(null);
    expect(
      (await openRoute(new Request("http://x"), call(token))).headers.get("content-type"),
    ).toBe("image/gif");
    const db = await getDb();
    const opens = () =>
      db
        .select({ id: emailEngagementEvents.id, ip: emailEngagementEvents.ip })
        .from(emailEngagementEvents)
        .where(
          and(eq(emailEngagementEvents.userId, tracked.id), eq(emailEngagementEvents.kind, "open")),
        );
    expect(await opens()).toHaveLength(1);
    expect((await opens())[0]!.ip).toBe("198.51.100.0");

    await signInAs(tracked);
    await updateMyMarketingPreferences({
      ...off,
      newsletter: true,
      topics: ["software_updates"],
      clickTracking: true,
    });
    await actAsSession(null);
    await openRoute(new Request("http://x"), call(token));
    expect(await opens()).toHaveLength(1);
  });

  it("a click redirects only to its signed URL; a tampered link gets an error page", async () => {
    const [mail] = (await mailsTo(tracked.email)).filter((m) => m.kind === `campaign:${campaign}`);
    const token = tokenOf(mail!.html!, "click")!;
    const ok = await clickRoute(new Request("http://x"), call(token));
    expect(ok.status).toBe(302);
    expect(ok.headers.get("location")).toBe("https://ultimaker.com/software/cura-6");

    const [, sig] = token.split(".");
    const evil = Buffer.from(
      JSON.stringify({ k: "click", u: tracked.id, c: campaign, url: "https://evil.example/phish" }),
    ).toString("base64url");
    for (const bad of [`${evil}.${sig}`, token.slice(0, -2) + "AA", "nonsense"]) {
      const res = await clickRoute(new Request("http://x"), call(bad));
      expect(res.status).toBe(400);
      expect(res.headers.get("location")).toBeNull();
      expect(await res.text()).toContain("This link is not valid");
    }
    const db = await getDb();
    const clicks = await db
      .select({ url: emailEngagementEvents.url })
      .from(emailEngagementEvents)
      .where(
        and(eq(emailEngagementEvents.userId, tracked.id), eq(emailEngagementEvents.kind, "click")),
      );
    expect(clicks).toEqual([{ url: "https://ultimaker.com/software/cura-6" }]);
  });

  it("one-click unsubscribe by POST works without a session, and a forged token does nothing", async () => {
    const [mail] = (await mailsTo(untracked.email)).filter(
      (m) => m.kind === `campaign:${campaign}`,
    );
    const url = /<([^>]+)>/.exec(mail!.headers!["List-Unsubscribe"]!)![1]!;
    const token = url.split("/").at(-1)!;
    await actAsSession(null);
    expect(
      (await unsubscribeRoute(new Request(url, { method: "POST" }), call(token + "x"))).status,
    ).toBe(400);
    const res = await unsubscribeRoute(
      new Request(url, { method: "POST", body: "List-Unsubscribe=One-Click" }),
      call(token),
    );
    expect(res.status).toBe(200);
    expect((await marketingEvents(untracked.id)).at(-1)).toMatchObject({
      method: "unsubscribe",
      decisions: expect.objectContaining({ newsletter: false }),
    });
    await signInAs(untracked);
    expect((await getMyMarketingPreferences()).newsletter).toBe("off");
  });
});
