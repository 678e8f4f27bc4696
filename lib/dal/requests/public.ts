import "server-only";
import { and, eq, gt, isNull, lt, or } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { pendingPrivacyRequests, privacyRequests } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { takeBudget, throttleKey, throttleTake, type Budget } from "@/lib/dal/throttle";
import { getRequestMeta } from "@/lib/auth/request";
import {
  MAIL_ADDRESS_LIMITS,
  MAIL_IP_LIMITS,
  REQUEST_MESSAGE_LIMITS,
} from "@/lib/auth/throttle-policy";
import { randomToken, sha256Hex } from "@/lib/crypto";
import { env } from "@/lib/env";
import { emailLinkKey } from "@/lib/mail/link-key";
import { signLinkToken, verifyLinkToken } from "@/lib/mail/link-tokens";
import {
  confirmPublicRequestMail,
  requestReceivedMail,
  requestTrackerPath,
} from "@/lib/mail/request-templates";
import { visitorLocale } from "@/lib/dal/mail/language";
import { addDays, type RequestKind } from "@/lib/requests/clock";
import { addRequestEvent, openRequest } from "./core";
import {
  addRequesterMessage,
  cancelRequest,
  readTracker,
  type Actor,
  type ChangeOutcome,
  type RequestTrackerDTO,
} from "./tracker";

/**
 * Requests from visitors without an account. Their subject is an email address they proved by
 * following a mailed link, then a signed tracker token; never a session. Nothing here looks up
 * whether the address has an account: the answer, the work and the mail are the same either
 * way, and a request made here is linked to the address only (requester_email), never to an
 * account, since following a link proves the mailbox, not the account.
 */

export const PENDING_HOURS = 24;

export type SubmitOutcome = { ok: true } | { ok: false; retryAt: Date };

/**
 * Stores the unconfirmed request and mails the confirmation link. Counts against the address
 * and the IP (the mail budget sign-up and password reset share: each mails an address anyone
 * can type), whether or not the address has an account.
 */
export async function submitPublicRequest(input: {
  email: string;
  kind: RequestKind;
  details: string;
}): Promise<SubmitOutcome> {
  const email = input.email.trim();
  const now = new Date();
  const { ip } = await getRequestMeta();
  const budgets: Budget[] = [{ key: throttleKey.mailTo(email), limits: MAIL_ADDRESS_LIMITS }];
  if (ip) budgets.push({ key: throttleKey.mailFromIp(ip), limits: MAIL_IP_LIMITS });
  const db = await getDb();
  const taken = await db.transaction((tx) => throttleTake(tx, budgets, now));
  if (!taken.ok) return { ok: false, retryAt: taken.retryAt };
  const token = randomToken("prq_");
  const locale = await visitorLocale();
  await db.transaction(async (tx) => {
    await purgeExpiredPendingRequests(now, tx);
    await tx.insert(pendingPrivacyRequests).values({
      email,
      kind: input.kind,
      details: input.details || null,
      tokenHash: sha256Hex(token),
      expiresAt: addDays(now, PENDING_HOURS / 24),
    });
    const mail = confirmPublicRequestMail({
      appUrl: env.APP_URL,
      token,
      kind: input.kind,
      expiresInHours: PENDING_HOURS,
      dueDays: env.REQUEST_DUE_DAYS,
      locale,
    });
    await enqueueMail(tx, { userId: null, kind: "request_confirm", to: email, ...mail });
  });
  return { ok: true };
}

/**
 * Unconfirmed requests past their expiry go: nothing reads them, and each holds an address
 * someone typed. Run on every submission and hourly by the `requests.pending-cleanup` job, so
 * none outlives its day by more than an hour when nobody submits. Returns how many went.
 */
export async function purgeExpiredPendingRequests(now: Date, tx?: Tx): Promise<number> {
  const q = tx ?? (await getDb());
  const gone = await q
    .delete(pendingPrivacyRequests)
    .where(lt(pendingPrivacyRequests.expiresAt, now))
    .returning({ id: pendingPrivacyRequests.id });
  return gone.length;
}

export type ConfirmOutcome =
  { status: "ok"; trackToken: string } | { status: "invalid" | "expired" };

export function trackTokenFor(requestId: string): string {
  return signLinkToken(emailLinkKey(), { k: "track", r: requestId });
}

/**
 * Follows the confirmation link: the request starts now (the clock runs from confirmation), the
 * pending row goes. The DELETE … RETURNING is the single use: a second click, even a concurrent
 * one, finds no row and creates nothing. An expired or unknown token changes nothing.
 */
export async function confirmPublicRequest(token: string): Promise<ConfirmOutcome> {
  if (!/^prq_[A-Za-z0-9_-]{20,100}$/.test(token)) return { status: "invalid" };
  const hash = sha256Hex(token);
  const now = new Date();
  const { ip } = await getRequestMeta();
  // Before the transaction: the viewer's language may read the session through another
  // connection, which on the embedded database would wait for this transaction forever.
  const locale = await visitorLocale();
  const db = await getDb();
  const p = pendingPrivacyRequests;
  return db.transaction(async (tx): Promise<ConfirmOutcome> => {
    const [row] = await tx
      .delete(p)
      .where(and(eq(p.tokenHash, hash), gt(p.expiresAt, now)))
      .returning({ email: p.email, kind: p.kind, details: p.details });
    if (!row) {
      const [expired] = await tx.select({ id: p.id }).from(p).where(eq(p.tokenHash, hash));
      return { status: expired ? "expired" : "invalid" };
    }
    const opened = await openRequest(tx, {
      kind: row.kind,
      userId: null,
      requesterEmail: row.email,
      details: row.details,
      actorId: null,
      receivedAt: now,
    });
    await addRequestEvent(tx, {
      requestId: opened.id,
      actorId: null,
      kind: "verified",
      occurredAt: now,
    });
    await writeAudit(tx, {
      actorId: null,
      actorRole: "anonymous",
      subjectId: null,
      action: "request.create",
      targetType: "privacy_request",
      targetId: opened.id,
      ip,
      details: { kind: row.kind, via: "public_form" },
    });
    const trackToken = trackTokenFor(opened.id);
    const mail = requestReceivedMail({
      appUrl: env.APP_URL,
      reference: opened.reference,
      kind: row.kind,
      dueAt: opened.dueAt,
      dueDays: env.REQUEST_DUE_DAYS,
      trackerPath: requestTrackerPath({ trackToken }),
      locale,
    });
    await enqueueMail(tx, { userId: null, kind: "request_received", to: row.email, ...mail });
    return { status: "ok", trackToken };
  });
}

const trackedPayload = (token: string) => verifyLinkToken(emailLinkKey(), token, "track");

/**
 * How long a tracker link keeps working after its request is closed: long enough to read the
 * answer and ask a follow-up, not for ever (a link in an old mailbox should not show the
 * request to whoever finds it years later).
 */
export const TRACKER_DAYS_AFTER_CLOSE = 90;

/**
 * The request a tracker token names, if the token is intact; only requests without an account,
 * open or closed less than TRACKER_DAYS_AFTER_CLOSE ago.
 */
function trackedWhere(token: string, now = new Date()) {
  const payload = trackedPayload(token);
  if (!payload) return null;
  return and(
    eq(privacyRequests.id, payload.r),
    isNull(privacyRequests.userId),
    or(
      isNull(privacyRequests.closedAt),
      gt(privacyRequests.closedAt, addDays(now, -TRACKER_DAYS_AFTER_CLOSE)),
    ),
  );
}

export async function getTrackedRequest(token: string): Promise<RequestTrackerDTO | null> {
  const where = trackedWhere(token);
  return where ? readTracker(await getDb(), where, null) : null;
}

async function visitor(): Promise<Actor> {
  const { ip } = await getRequestMeta();
  return { actorId: null, actorRole: "anonymous", subjectId: null, ip };
}

export async function addTrackedRequestMessage(
  token: string,
  message: string,
): Promise<ChangeOutcome> {
  const payload = trackedPayload(token);
  const where = trackedWhere(token);
  if (!payload || !where) return "not_found";
  await takeBudget("messages", throttleKey.requestMessagesBy(payload.r), REQUEST_MESSAGE_LIMITS);
  const actor = await visitor();
  const db = await getDb();
  return db.transaction((tx) => addRequesterMessage(tx, where, actor, message));
}

export async function cancelTrackedRequest(token: string): Promise<ChangeOutcome> {
  const where = trackedWhere(token);
  if (!where) return "not_found";
  const actor = await visitor();
  const locale = await visitorLocale(); // before the transaction, as in confirmPublicRequest
  const db = await getDb();
  return db.transaction((tx) =>
    cancelRequest(tx, where, actor, () => requestTrackerPath({ trackToken: token }), locale),
  );
}
