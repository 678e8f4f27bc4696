import "server-only";
import { and, asc, eq, gt, inArray, lt, lte, notInArray, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { privacyRequestEvents, privacyRequests, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { enqueueMail } from "@/lib/dal/mail/outbox";
import { env } from "@/lib/env";
import { overdueDigestMail, requestReminderMail } from "@/lib/mail/request-reminder-templates";
import { addDays, OPEN_STATUSES } from "@/lib/requests/clock";
import { addRequestEvent } from "./core";

/** Timeline events that are not an answer from us: only these, and the request may be forgotten. */
const UNANSWERED_EVENT_KINDS = ["received", "verified", "message"];

/** A request waiting on us: nothing on its timeline but the holder's own steps (or a reminder). */
const nothingFromUs = (requestId: typeof privacyRequests.id) => sql`not exists (
  select 1 from ${privacyRequestEvents}
   where ${privacyRequestEvents.requestId} = ${requestId}
     and ${notInArray(privacyRequestEvents.kind, UNANSWERED_EVENT_KINDS)})`;

/**
 * The `requests.remind` job (hourly, no session: the system acts, so no subject comes from a
 * session). Every open request due within REQUEST_REMINDER_DAYS of `now`, not yet due, with
 * nothing from us on its timeline, gets one mail to its holder (the account's address, or the
 * visitor's) saying it is still being worked on and by when they will hear, a "reminder_sent"
 * event and an audit entry without personal data. Returns how many reminders went out.
 *
 * Exactly once across instances: each request is locked (SKIP LOCKED: another instance busy with
 * it is skipped, not waited for) and checked again under the lock in a new statement, which sees
 * a reminder another instance committed meanwhile.
 */
export async function sendDueReminders(now: Date): Promise<number> {
  const db = await getDb();
  const horizon = addDays(now, env.REQUEST_REMINDER_DAYS);
  const candidates = await db
    .select({ id: privacyRequests.id })
    .from(privacyRequests)
    .where(
      and(
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
        gt(privacyRequests.dueAt, now),
        lte(privacyRequests.dueAt, horizon),
        nothingFromUs(privacyRequests.id),
      ),
    )
    .orderBy(privacyRequests.dueAt);

  let sent = 0;
  for (const { id } of candidates) {
    const didSend = await db.transaction(async (tx) => {
      const [locked] = await tx
        .select({ id: privacyRequests.id })
        .from(privacyRequests)
        .where(eq(privacyRequests.id, id))
        .for("update", { skipLocked: true });
      if (!locked) return false;
      const [request] = await tx
        .select({
          reference: privacyRequests.reference,
          kind: privacyRequests.kind,
          status: privacyRequests.status,
          dueAt: privacyRequests.dueAt,
          userId: privacyRequests.userId,
          requesterEmail: privacyRequests.requesterEmail,
          email: users.email,
          name: users.name,
          language: users.language,
        })
        .from(privacyRequests)
        .leftJoin(users, eq(users.id, privacyRequests.userId))
        .where(
          and(
            eq(privacyRequests.id, id),
            inArray(privacyRequests.status, [...OPEN_STATUSES]),
            gt(privacyRequests.dueAt, now),
            lte(privacyRequests.dueAt, horizon),
            nothingFromUs(privacyRequests.id),
          ),
        );
      const to = request?.email ?? request?.requesterEmail;
      if (!request || !to) return false;

      const mail = requestReminderMail({
        appUrl: env.APP_URL,
        name: request.name,
        reference: request.reference,
        kind: request.kind,
        dueAt: request.dueAt,
        path: request.userId ? `/account/requests/${request.reference}` : null,
        locale: request.language ?? undefined,
      });
      await enqueueMail(tx, { userId: request.userId, kind: "request_reminder", to, ...mail });
      await addRequestEvent(tx, { requestId: id, actorId: null, kind: "reminder_sent" });
      await writeAudit(tx, {
        actorId: null,
        actorRole: "system",
        subjectId: request.userId,
        action: "request.reminder_sent",
        targetType: "privacy_request",
        targetId: id,
        details: { kind: request.kind },
      });
      return true;
    });
    if (didSend) sent += 1;
  }
  return sent;
}

/** The most overdue requests one digest lists; the queue has the rest. */
const DIGEST_LIMIT = 100;

/**
 * The `requests.overdue` job (daily, no session: the system acts): one mail to every agent and
 * admin listing the open requests past their due date, oldest first, by reference and kind only.
 * Nothing is sent when none is overdue. All mails are queued in one transaction, so a retried
 * run never sends a half digest twice. Returns how many requests the digest listed.
 */
export async function sendOverdueDigest(now: Date): Promise<number> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const overdue = await tx
      .select({
        id: privacyRequests.id,
        reference: privacyRequests.reference,
        kind: privacyRequests.kind,
        dueAt: privacyRequests.dueAt,
      })
      .from(privacyRequests)
      .where(
        and(inArray(privacyRequests.status, [...OPEN_STATUSES]), lt(privacyRequests.dueAt, now)),
      )
      .orderBy(asc(privacyRequests.dueAt), asc(privacyRequests.id))
      .limit(DIGEST_LIMIT);
    if (overdue.length === 0) return 0;
    const staff = await tx
      .select({ id: users.id, email: users.email, name: users.name, language: users.language })
      .from(users)
      .where(inArray(users.role, ["agent", "admin"]));
    for (const member of staff) {
      const mail = overdueDigestMail({
        appUrl: env.APP_URL,
        name: member.name,
        overdue,
        locale: member.language,
      });
      await enqueueMail(tx, {
        userId: member.id,
        kind: "request_overdue_digest",
        to: member.email,
        ...mail,
      });
    }
    return overdue.length;
  });
}
