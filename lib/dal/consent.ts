import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { consentEvents } from "@/db/schema";
import { getRequestMeta } from "@/lib/auth/request";
import { invalidInput, ReadOnlyError } from "@/lib/errors";
import { getCurrentSession, requireSession } from "@/lib/dal/session";
import { normaliseDecisions } from "@/lib/consent/decisions";
import { writeAudit } from "@/lib/dal/audit";
import { truncateIp } from "@/lib/net/user-agent";
import { organisation } from "@/lib/organisation";
import {
  cookieConsentMethods,
  type CookieChoiceInput,
  type CookieConsentMethod,
} from "@/lib/validation/consent";

export type RecordedChoiceDTO = { id: number; decisions: Record<string, boolean> };

/**
 * Appends one cookie choice. A visitor is known only by the random device id; a signed-in
 * user's choice is also tied to them so it follows them to their other browsers. An agent
 * viewing an account (read-only session) cannot consent on its owner's behalf. A choice that
 * does not fit the current banner is refused (AppError "invalid_input", saying why).
 */
export async function recordCookieChoice(input: CookieChoiceInput): Promise<RecordedChoiceDTO> {
  if (input.revision !== organisation.cookieBannerRevision) {
    throw invalidInput("The cookie banner has changed. Please reload the page and choose again.");
  }
  const checked = normaliseDecisions(input.decisions);
  if (!checked.ok) throw invalidInput(checked.error);
  const session = await getCurrentSession();
  if (session?.readOnly) throw new ReadOnlyError();
  const { ip } = await getRequestMeta();
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(consentEvents)
      .values({
        deviceId: input.deviceId,
        userId: session?.user.id ?? null,
        scope: "cookies",
        bannerRevision: input.revision,
        policyVersion: organisation.policyVersion,
        decisions: checked.decisions,
        method: input.method,
        language: session?.user.language ?? input.language,
        ipTruncated: truncateIp(ip),
      })
      .returning({ id: consentEvents.id });
    if (session) {
      await writeAudit(tx, {
        actorId: session.user.id,
        actorRole: session.user.role,
        subjectId: session.user.id,
        action: "consent.change",
        targetType: "consent_event",
        targetId: String(row!.id),
        details: { scope: "cookies", method: input.method },
      });
    }
    return { id: row!.id, decisions: checked.decisions };
  });
}

export type LatestChoiceDTO = {
  revision: number;
  method: CookieConsentMethod;
  decisions: Record<string, boolean>;
};

/** The signed-in user's latest cookie choice (from any browser), or null. */
export async function getMyLatestCookieChoice(): Promise<LatestChoiceDTO | null> {
  const session = await getCurrentSession();
  if (!session) return null;
  const db = await getDb();
  const [row] = await db
    .select({
      revision: consentEvents.bannerRevision,
      method: consentEvents.method,
      decisions: consentEvents.decisions,
    })
    .from(consentEvents)
    .where(and(eq(consentEvents.userId, session.user.id), eq(consentEvents.scope, "cookies")))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.id))
    .limit(1);
  if (!row || row.revision === null) return null;
  // Older records may carry another method name; the choice itself is what follows the user.
  const method = (cookieConsentMethods as readonly string[]).includes(row.method)
    ? (row.method as CookieConsentMethod)
    : "custom";
  return { revision: row.revision, method, decisions: row.decisions };
}

export type ConsentEventDTO = {
  id: number;
  scope: "cookies" | "marketing";
  method: string;
  decisions: Record<string, boolean>;
  bannerRevision: number | null;
  policyVersion: string;
  occurredAt: Date;
};

/** The signed-in user's consent history, newest first (the latest 200). */
export async function listMyConsentEvents(): Promise<ConsentEventDTO[]> {
  const { user } = await requireSession();
  const db = await getDb();
  return db
    .select({
      id: consentEvents.id,
      scope: consentEvents.scope,
      method: consentEvents.method,
      decisions: consentEvents.decisions,
      bannerRevision: consentEvents.bannerRevision,
      policyVersion: consentEvents.policyVersion,
      occurredAt: consentEvents.occurredAt,
    })
    .from(consentEvents)
    .where(eq(consentEvents.userId, user.id))
    .orderBy(desc(consentEvents.occurredAt), desc(consentEvents.id))
    .limit(200);
}
