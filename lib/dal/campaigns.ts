import "server-only";
import { and, arrayContains, eq, not } from "drizzle-orm";
import { getDb } from "@/db";
import { emailEngagementEvents, marketingPreferences, users } from "@/db/schema";
import { getRequestMeta } from "@/lib/auth/request";
import { requireRole } from "@/lib/dal/session";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { flushMailNow } from "@/lib/dal/mail/worker";
import { env } from "@/lib/env";
import { renderCampaignMail } from "@/lib/mail/campaign";
import { emailLinkKey } from "@/lib/mail/link-key";
import { signLinkToken, verifyLinkToken } from "@/lib/mail/link-tokens";
import { truncateIp } from "@/lib/net/user-agent";
import type { CampaignInput } from "@/lib/validation/consent";
import { trackingAllowed, unsubscribeUser } from "./marketing";
import { marketingBlocked } from "./processing";

/**
 * Sends a campaign to every CONFIRMED subscriber of its topic, through the outbox. Each copy is
 * rendered for its recipient: a pixel only if they allowed open tracking, rewritten links only
 * if they allowed click tracking. Admins only.
 */
export async function sendCampaign(input: CampaignInput): Promise<{ recipients: number }> {
  const admin = await requireRole("admin");
  const key = emailLinkKey();
  const db = await getDb();
  const recipients = await db.transaction(async (tx) => {
    const rows = await tx
      .select({
        id: users.id,
        email: users.email,
        name: users.name,
        language: users.language,
        openTracking: marketingPreferences.openTracking,
        clickTracking: marketingPreferences.clickTracking,
      })
      .from(marketingPreferences)
      .innerJoin(users, eq(users.id, marketingPreferences.userId))
      .where(
        and(
          eq(marketingPreferences.newsletter, "confirmed"),
          arrayContains(marketingPreferences.topics, [input.topic]),
          // Restricted marketing or an objection to direct marketing: no campaign, at once.
          not(marketingBlocked(users.id)),
        ),
      );
    for (const r of rows) {
      const mail = renderCampaignMail(
        env.APP_URL,
        r.name,
        {
          subject: input.subject,
          body: input.body,
          link: { href: input.linkUrl, label: input.linkLabel },
        },
        {
          openToken: r.openTracking
            ? signLinkToken(key, { k: "open", u: r.id, c: input.name })
            : null,
          clickToken: r.clickTracking
            ? signLinkToken(key, { k: "click", u: r.id, c: input.name, url: input.linkUrl })
            : null,
          unsubscribeToken: signLinkToken(key, { k: "unsub", u: r.id }),
        },
        r.language,
      );
      await enqueueMail(tx, { userId: r.id, kind: `campaign:${input.name}`, to: r.email, ...mail });
    }
    await writeAudit(tx, {
      actorId: admin.id,
      actorRole: admin.role,
      action: "campaign.send",
      targetType: "campaign",
      targetId: input.name,
      details: { topic: input.topic, recipients: rows.length },
    });
    return rows.length;
  });
  await flushMailNow();
  return { recipients };
}

async function recordEngagement(
  userId: string,
  campaign: string,
  kind: "open" | "click",
  url: string | null,
) {
  const { ip, userAgent } = await getRequestMeta();
  const db = await getDb();
  return db.transaction(async (tx) => {
    // Consent is checked at the moment of the hit: a withdrawal after sending counts.
    if (!(await trackingAllowed(tx, userId, kind))) return false;
    await tx.insert(emailEngagementEvents).values({
      userId,
      campaign,
      kind,
      url,
      ip: truncateIp(ip),
      userAgent,
    });
    return true;
  });
}

/**
 * A pixel hit. Public (the mail client fetches it without a session): the signed token names
 * the user. Returns whether an event was recorded.
 */
export async function recordEmailOpen(token: string): Promise<boolean> {
  const data = verifyLinkToken(emailLinkKey(), token, "open");
  if (!data) return false;
  return recordEngagement(data.u, data.c, "open", null);
}

/**
 * A click on a rewritten link: the URL to send the reader on to, or null for a token that was
 * not signed by us (never redirect anywhere else). Records the click only with consent.
 */
export async function recordEmailClick(
  token: string,
): Promise<{ url: string; recorded: boolean } | null> {
  const data = verifyLinkToken(emailLinkKey(), token, "click");
  if (!data) return null;
  const recorded = await recordEngagement(data.u, data.c, "click", data.url);
  return { url: data.url, recorded };
}

/** One-click unsubscribe (RFC 8058) or the confirmation page: the signed token is the proof. */
export async function unsubscribeWithToken(token: string): Promise<"ok" | "invalid"> {
  const data = verifyLinkToken(emailLinkKey(), token, "unsub");
  if (!data) return "invalid";
  return (await unsubscribeUser(data.u)) === "ok" ? "ok" : "invalid";
}
