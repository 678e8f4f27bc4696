import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { privacyRequests } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { takeBudget, throttleKey } from "@/lib/dal/throttle";
import { getRequestMeta } from "@/lib/auth/request";
import { REQUEST_FILING_LIMITS, REQUEST_MESSAGE_LIMITS } from "@/lib/auth/throttle-policy";
import { env } from "@/lib/env";
import { requestReceivedMail, requestTrackerPath } from "@/lib/mail/request-templates";
import { REFERENCE_PATTERN, type RequestKind } from "@/lib/requests/clock";
import { openRequest } from "./core";
import {
  addRequesterMessage,
  cancelRequest,
  readTracker,
  type Actor,
  type ChangeOutcome,
  type RequestTrackerDTO,
} from "./tracker";

/**
 * The signed-in holder's own requests. The subject is always the session's user: a reference
 * of someone else's request reads as not found.
 */

const mine = (reference: string, userId: string) =>
  and(eq(privacyRequests.reference, reference), eq(privacyRequests.userId, userId));

const holderPath = (reference: string) => requestTrackerPath({ reference });

/**
 * Files a request: the request, its "received" event, the audit entry and the receipt mail
 * commit together. Refused in a read-only (support) session.
 */
export async function createMyRequest(input: {
  kind: RequestKind;
  details: string;
}): Promise<{ reference: string }> {
  const { user } = await requireWritable("request.create");
  const { ip } = await getRequestMeta();
  await takeBudget("requests", throttleKey.requestsFiledBy(user.id), REQUEST_FILING_LIMITS);
  const db = await getDb();
  return db.transaction(async (tx) => {
    const opened = await openRequest(tx, {
      kind: input.kind,
      userId: user.id,
      details: input.details || null,
      actorId: user.id,
    });
    await writeAudit(tx, {
      actorId: user.id,
      actorRole: "user",
      subjectId: user.id,
      action: "request.create",
      targetType: "privacy_request",
      targetId: opened.id,
      ip,
      details: { kind: input.kind },
    });
    const mail = requestReceivedMail({
      appUrl: env.APP_URL,
      name: user.name,
      reference: opened.reference,
      kind: input.kind,
      dueAt: opened.dueAt,
      dueDays: env.REQUEST_DUE_DAYS,
      trackerPath: holderPath(opened.reference),
      locale: user.language,
    });
    await enqueueMail(tx, { userId: user.id, kind: "request_received", to: user.email, ...mail });
    return { reference: opened.reference };
  });
}

/** One of the holder's requests with its timeline (staff notes left out), or null. */
export async function getMyRequest(reference: string): Promise<RequestTrackerDTO | null> {
  const { user } = await requireSession();
  if (!REFERENCE_PATTERN.test(reference)) return null;
  return readTracker(await getDb(), mine(reference, user.id), user.id);
}

async function holderActor(action: string): Promise<{ actor: Actor; userId: string }> {
  const { user } = await requireWritable(action);
  const { ip } = await getRequestMeta();
  return {
    actor: { actorId: user.id, actorRole: "user", subjectId: user.id, ip },
    userId: user.id,
  };
}

export async function addMyRequestMessage(
  reference: string,
  message: string,
): Promise<ChangeOutcome> {
  const { actor, userId } = await holderActor("request.message");
  if (!REFERENCE_PATTERN.test(reference)) return "not_found";
  await takeBudget("messages", throttleKey.requestMessagesBy(userId), REQUEST_MESSAGE_LIMITS);
  const db = await getDb();
  return db.transaction((tx) => addRequesterMessage(tx, mine(reference, userId), actor, message));
}

export async function cancelMyRequest(reference: string): Promise<ChangeOutcome> {
  const { actor, userId } = await holderActor("request.cancel");
  if (!REFERENCE_PATTERN.test(reference)) return "not_found";
  const db = await getDb();
  return db.transaction((tx) => cancelRequest(tx, mine(reference, userId), actor, holderPath));
}
