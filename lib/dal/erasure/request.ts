import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Tx } from "@/db";
import { privacyRequests, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { addRequestEvent, openRequest } from "@/lib/dal/requests/core";
import { requireRecentAuth, requireUser, requireWritable } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { enqueueJob } from "@/lib/jobs";
import { log } from "@/lib/log";
import { erasureCancelledMail, erasureScheduledMail } from "@/lib/mail/erasure-templates";
import { emailLinkKey } from "@/lib/mail/link-key";
import { signLinkToken, verifyLinkToken } from "@/lib/mail/link-tokens";
import { getPendingErasureOf, type PendingErasure } from "./pending";
import { accountLocale } from "@/lib/dal/mail/language";

export type { PendingErasure };

const DAY_MS = 86_400_000;

/** The signed-in holder's pending erasure (for the banner and the delete page), or null. */
export async function getMyPendingErasure(): Promise<PendingErasure | null> {
  const user = await requireUser();
  return getPendingErasureOf(user.id);
}

/**
 * "Delete my account": files an erasure request that runs when the grace period
 * (ERASURE_GRACE_DAYS) ends, and mails the holder the date and a link to keep the account.
 * Needs the password entered recently. Filing twice returns the request already pending.
 */
export async function scheduleMyErasure(): Promise<PendingErasure> {
  const session = await requireWritable("erasure.request");
  await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
  const user = session.user;
  const db = await getDb();
  const scheduled = await db.transaction(async (tx) => {
    // Serialises two submissions of the same holder: the second sees the first's request.
    await tx.select({ id: users.id }).from(users).where(eq(users.id, user.id)).for("update");
    const [existing] = await tx
      .select({
        id: privacyRequests.id,
        reference: privacyRequests.reference,
        status: privacyRequests.status,
        scheduledFor: privacyRequests.scheduledFor,
      })
      .from(privacyRequests)
      .where(
        and(
          eq(privacyRequests.userId, user.id),
          eq(privacyRequests.kind, "erasure"),
          eq(privacyRequests.status, "received"),
        ),
      );
    if (existing?.scheduledFor) return { ...existing, scheduledFor: existing.scheduledFor };
    const now = new Date();
    const scheduledFor = new Date(now.getTime() + env.ERASURE_GRACE_DAYS * DAY_MS);
    const opened = await openRequest(tx, {
      kind: "erasure",
      userId: user.id,
      actorId: user.id,
      receivedAt: now,
      scheduledFor,
    });
    await addRequestEvent(tx, {
      requestId: opened.id,
      actorId: user.id,
      kind: "erasure_scheduled",
      note: `Runs on ${scheduledFor.toISOString()} unless the holder keeps the account.`,
    });
    const token = signLinkToken(emailLinkKey(), { k: "keep", u: user.id, r: opened.id });
    const mail = erasureScheduledMail({
      appUrl: env.APP_URL,
      name: user.name,
      reference: opened.reference,
      scheduledFor,
      token,
      locale: await accountLocale(tx, user.id),
    });
    await enqueueMail(tx, { userId: user.id, kind: "erasure_scheduled", to: user.email, ...mail });
    await writeAudit(tx, {
      actorId: user.id,
      actorRole: user.role,
      subjectId: user.id,
      action: "erasure.schedule",
      targetType: "privacy_request",
      targetId: opened.id,
    });
    return { id: opened.id, reference: opened.reference, status: "received", scheduledFor };
  });
  // After the commit (enqueueJob must not run inside a transaction). If the queue is down the
  // request is still filed: the erasure.sweep cron picks up every due erasure.
  try {
    await enqueueJob(
      "erasure.run",
      { requestId: scheduled.id },
      { startAfter: scheduled.scheduledFor, singletonKey: scheduled.id },
    );
  } catch (error) {
    log.warn("erasure.enqueue_failed", { requestId: scheduled.id, error });
  }
  return scheduled;
}

export type CancelOutcome = "cancelled" | "not_pending";

async function cancel(tx: Tx, requestId: string, userId: string): Promise<CancelOutcome> {
  const [row] = await tx
    .select({
      status: privacyRequests.status,
      reference: privacyRequests.reference,
      kind: privacyRequests.kind,
    })
    .from(privacyRequests)
    .where(and(eq(privacyRequests.id, requestId), eq(privacyRequests.userId, userId)))
    .for("update");
  // Once the run has started (in_progress) data is already going: too late to keep the account.
  if (!row || row.kind !== "erasure" || row.status !== "received") return "not_pending";
  const [holder] = await tx
    .select({ email: users.email, name: users.name, role: users.role })
    .from(users)
    .where(eq(users.id, userId));
  if (!holder) return "not_pending";
  await tx
    .update(privacyRequests)
    .set({ status: "cancelled", closedAt: new Date() })
    .where(eq(privacyRequests.id, requestId));
  await addRequestEvent(tx, {
    requestId,
    actorId: userId,
    kind: "cancelled",
    note: "The holder kept the account.",
  });
  await writeAudit(tx, {
    actorId: userId,
    actorRole: holder.role,
    subjectId: userId,
    action: "erasure.cancel",
    targetType: "privacy_request",
    targetId: requestId,
  });
  const mail = erasureCancelledMail({
    name: holder.name,
    reference: row.reference,
    locale: await accountLocale(tx, userId),
  });
  await enqueueMail(tx, { userId, kind: "erasure_cancelled", to: holder.email, ...mail });
  return "cancelled";
}

/** "Keep my account" from the banner: cancels the signed-in holder's pending erasure. */
export async function cancelMyErasure(): Promise<CancelOutcome> {
  const session = await requireWritable("erasure.cancel");
  const pending = await getPendingErasureOf(session.user.id);
  if (!pending) return "not_pending";
  const db = await getDb();
  return db.transaction((tx) => cancel(tx, pending.id, session.user.id));
}

/**
 * "Keep my account" from the emailed link, without signing in: the signed token names the
 * request and its holder, and proves the holder sent it. After the erasure ran (or once it was
 * cancelled) the token does nothing: the request is no longer pending.
 */
export async function cancelErasureWithToken(token: string): Promise<CancelOutcome | "invalid"> {
  const payload = verifyLinkToken(emailLinkKey(), token, "keep");
  if (!payload) return "invalid";
  const db = await getDb();
  return db.transaction((tx) => cancel(tx, payload.r, payload.u));
}
