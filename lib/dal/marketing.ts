import "server-only";
import { and, eq, not } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { consentEvents, emailEngagementEvents, marketingPreferences, users } from "@/db/schema";
import { getRequestMeta } from "@/lib/auth/request";
import { cursorKey, keyset, type Page, type PageInput } from "@/lib/dal/data/keyset";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { env } from "@/lib/env";
import { newsletterConfirmMail } from "@/lib/mail/templates";
import { truncateIp } from "@/lib/net/user-agent";
import { organisation } from "@/lib/organisation";
import {
  newsletterTopics,
  type MarketingPreferencesInput,
  type NewsletterTopic,
} from "@/lib/validation/consent";
import { marketingBlocked, objectsToProfiling } from "./processing";
import { consumeLinkToken, issueLinkToken, type LinkCheck } from "./tokens";

const OPT_IN_HOURS = 72;
const NEWSLETTER = `the ${organisation.shortName} newsletter`;

export type MarketingPreferencesDTO = {
  newsletter: "off" | "pending" | "confirmed";
  topics: NewsletterTopic[];
  openTracking: boolean;
  clickTracking: boolean;
  profiling: boolean;
};

const defaults: MarketingPreferencesDTO = {
  newsletter: "off",
  topics: [],
  openTracking: false,
  clickTracking: false,
  profiling: false,
};

const columns = {
  newsletter: marketingPreferences.newsletter,
  topics: marketingPreferences.topics,
  openTracking: marketingPreferences.openTracking,
  clickTracking: marketingPreferences.clickTracking,
  profiling: marketingPreferences.profiling,
};

export async function readPrefs(
  tx: Tx,
  userId: string,
  lock: boolean,
): Promise<MarketingPreferencesDTO> {
  const q = tx
    .select(columns)
    .from(marketingPreferences)
    .where(eq(marketingPreferences.userId, userId));
  const [row] = lock ? await q.for("update") : await q;
  if (!row) return { ...defaults };
  return {
    ...row,
    topics: row.topics.filter((t): t is NewsletterTopic =>
      (newsletterTopics as readonly string[]).includes(t),
    ),
  };
}

/** What a consent record says about marketing choices: one flag per purpose and topic. */
export function marketingDecisions(p: MarketingPreferencesDTO): Record<string, boolean> {
  return {
    newsletter: p.newsletter === "confirmed",
    newsletter_requested: p.newsletter !== "off",
    ...Object.fromEntries(newsletterTopics.map((t) => [t, p.topics.includes(t)])),
    open_tracking: p.openTracking,
    click_tracking: p.clickTracking,
    profiling: p.profiling,
  };
}

/**
 * Writes the preferences, appends a marketing consent event and an audit event, all in `tx`.
 * The caller supplies who acted (the user themselves, through the app or an emailed link).
 */
export async function savePrefs(
  tx: Tx,
  who: { userId: string; role: "user" | "agent" | "admin"; language: string },
  next: MarketingPreferencesDTO,
  method: "preferences" | "double_opt_in" | "unsubscribe",
  before: MarketingPreferencesDTO,
) {
  const now = new Date();
  await tx
    .insert(marketingPreferences)
    .values({ userId: who.userId, ...next, updatedAt: now })
    .onConflictDoUpdate({ target: marketingPreferences.userId, set: { ...next, updatedAt: now } });
  if (next.newsletter === "confirmed" && before.newsletter !== "confirmed") {
    await tx
      .update(marketingPreferences)
      .set({ confirmedAt: now })
      .where(eq(marketingPreferences.userId, who.userId));
  }
  const { ip } = await getRequestMeta().catch(() => ({ ip: null }));
  const [event] = await tx
    .insert(consentEvents)
    .values({
      userId: who.userId,
      scope: "marketing",
      policyVersion: organisation.policyVersion,
      decisions: marketingDecisions(next),
      method,
      language: who.language,
      ipTruncated: truncateIp(ip),
    })
    .returning({ id: consentEvents.id });
  const changes = Object.fromEntries(
    (Object.keys(next) as (keyof MarketingPreferencesDTO)[])
      .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(next[k]))
      .map((k) => [k, { from: before[k], to: next[k] }]),
  );
  await writeAudit(tx, {
    actorId: who.userId,
    actorRole: who.role,
    subjectId: who.userId,
    action: "consent.change",
    targetType: "consent_event",
    targetId: String(event!.id),
    details: { scope: "marketing", method, changes },
  });
}

export async function getMyMarketingPreferences(): Promise<MarketingPreferencesDTO> {
  const { user } = await requireSession();
  const db = await getDb();
  return db.transaction((tx) => readPrefs(tx, user.id, false));
}

/**
 * Saves the signed-in user's choices. Turning the newsletter on only makes it pending: a link
 * goes to their address and nothing is sent to them until they follow it (double opt-in).
 * Tracking and profiling changes apply at once — an objection to profiling included.
 */
export async function updateMyMarketingPreferences(
  input: MarketingPreferencesInput,
): Promise<MarketingPreferencesDTO & { confirmationSent: boolean }> {
  const session = await requireWritable();
  const { user } = session;
  const db = await getDb();
  const result = await db.transaction(async (tx) => {
    const before = await readPrefs(tx, user.id, true);
    const newsletter = !input.newsletter
      ? "off"
      : before.newsletter === "off"
        ? "pending"
        : before.newsletter;
    const next: MarketingPreferencesDTO = {
      newsletter,
      topics: input.newsletter ? [...input.topics] : [],
      openTracking: input.openTracking,
      clickTracking: input.clickTracking,
      // An active objection to profiling (art. 21(2)) wins over the checkbox.
      profiling: input.profiling && !(await objectsToProfiling(tx, user.id)),
    };
    if (JSON.stringify(next) === JSON.stringify(before))
      return { ...next, confirmationSent: false };
    await savePrefs(
      tx,
      { userId: user.id, role: user.role, language: user.language },
      next,
      "preferences",
      before,
    );
    const confirmationSent = newsletter === "pending" && before.newsletter === "off";
    if (confirmationSent) {
      const token = await issueLinkToken(tx, {
        userId: user.id,
        purpose: "newsletter_opt_in",
        hours: OPT_IN_HOURS,
      });
      const mail = newsletterConfirmMail({
        appUrl: env.APP_URL,
        name: user.name,
        token,
        newsletter: NEWSLETTER,
        locale: user.language,
      });
      await enqueueMail(tx, {
        userId: user.id,
        kind: "newsletter_opt_in",
        to: user.email,
        ...mail,
      });
    }
    return { ...next, confirmationSent };
  });
  if (result.confirmationSent) await flushMailNow();
  return result;
}

/** Follows the double opt-in link. Whoever holds the link proves they read that mailbox. */
export async function confirmNewsletter(
  token: string,
): Promise<LinkCheck["status"] | "not_pending"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const check = await consumeLinkToken(tx, token, "newsletter_opt_in");
    if (check.status !== "ok") return check.status;
    const before = await readPrefs(tx, check.userId, true);
    if (before.newsletter !== "pending") return "not_pending";
    const [owner] = await tx
      .select({ role: users.role, language: users.language })
      .from(users)
      .where(eq(users.id, check.userId));
    const who = { userId: check.userId, role: owner!.role, language: owner!.language };
    await savePrefs(tx, who, { ...before, newsletter: "confirmed" }, "double_opt_in", before);
    return "ok";
  });
}

/** Unsubscribes the user a signed unsubscribe token names. Unsubscribing twice is harmless. */
export async function unsubscribeUser(userId: string): Promise<"ok" | "unknown"> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [owner] = await tx
      .select({ role: users.role, language: users.language })
      .from(users)
      .where(eq(users.id, userId));
    if (!owner) return "unknown";
    const before = await readPrefs(tx, userId, true);
    if (before.newsletter === "off") return "ok";
    const next = { ...before, newsletter: "off" as const, topics: [] };
    await savePrefs(
      tx,
      { userId, role: owner.role, language: owner.language },
      next,
      "unsubscribe",
      before,
    );
    return "ok";
  });
}

/** Whether this user's consent to a kind of tracking holds right now (checked at each hit). */
export async function trackingAllowed(
  tx: Tx,
  userId: string,
  kind: "open" | "click",
): Promise<boolean> {
  // A restriction of marketing or an objection to direct marketing stops tracking too.
  const [row] = await tx
    .select({
      ok: kind === "open" ? marketingPreferences.openTracking : marketingPreferences.clickTracking,
    })
    .from(marketingPreferences)
    .where(and(eq(marketingPreferences.userId, userId), not(marketingBlocked(userId))))
    .for("share");
  return row?.ok === true;
}

/** Opens and clicks recorded for the signed-in user, newest first (keyset on occurred_at, id). */
export type EngagementDTO = {
  id: number;
  campaign: string;
  kind: "open" | "click";
  url: string | null;
  occurredAt: Date;
};

export async function listMyEmailEngagement(input: PageInput): Promise<Page<EngagementDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = emailEngagementEvents;
  const k = keyset(t.occurredAt, t.id, "bigint", input);
  const rows = await db
    .select({
      _k: cursorKey(t.occurredAt),
      id: t.id,
      campaign: t.campaign,
      kind: t.kind,
      url: t.url,
      occurredAt: t.occurredAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
