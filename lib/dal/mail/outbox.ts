import "server-only";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { emailOutbox } from "@/db/schema";
import { cursorKey, keyset, type Page, type PageInput } from "@/lib/dal/data/keyset";
import { log } from "@/lib/log";
import { errorMessage, redactSecrets, type MailTransport } from "@/lib/mail/transport";

export { smtpTransport, type MailTransport, type OutgoingMail } from "@/lib/mail/transport";

export type NewMail = {
  userId?: string | null;
  kind: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

/**
 * Queues a mail. Pass the caller's transaction: the mail then exists exactly when the change
 * that caused it committed (no verification link for a rolled-back sign-up, no lost notice).
 */
export async function enqueueMail(tx: Tx | Db, mail: NewMail): Promise<{ id: string }> {
  const [row] = await tx
    .insert(emailOutbox)
    .values({
      userId: mail.userId ?? null,
      kind: mail.kind,
      toAddress: mail.to,
      subject: mail.subject,
      textBody: mail.text,
      htmlBody: mail.html ?? null,
      headers: mail.headers ?? null,
    })
    .returning({ id: emailOutbox.id });
  if (!row) throw new Error("enqueueMail: insert returned no row");
  return row;
}

/**
 * What a delivered (or abandoned) mail keeps of its body. Its links carried single-use secrets
 * (reset, verification, unsubscribe tokens) meant for the recipient only; kept here, anyone who
 * reads the table or the mailbox page could use them. Recipient, kind, subject, times and status
 * stay for the record.
 */
export const REDACTED_BODY = "(Removed after delivery: its links were for the recipient only.)";
const redacted = { textBody: REDACTED_BODY, htmlBody: null, headers: null } as const;

/**
 * Mail whose recipient no longer has an account: the erasure receipt goes to the address of a
 * person who is gone, so once it is delivered (or abandoned) the row forgets whom it went to.
 */
export const FORGETS_RECIPIENT = new Set(["erasure_receipt"]);
export const FORGOTTEN_RECIPIENT = "(erased account)";
const forgotten = (kind: string) =>
  FORGETS_RECIPIENT.has(kind) ? { toAddress: FORGOTTEN_RECIPIENT, subject: "Erasure receipt" } : {};

export type DeliverOptions = { batchSize?: number; now?: Date; maxAttempts?: number };
export type DeliverResult = { sent: number; failed: number; retried: number };

const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Delay before retry number `attempts` (1-based): 30 s, 1 min, 2 min, … capped at 1 h. */
export function retryDelayMs(attempts: number): number {
  return Math.min(BASE_DELAY_MS * 2 ** Math.max(0, attempts - 1), MAX_DELAY_MS);
}

/**
 * One delivery pass over at most `batchSize` due mails. Rows are claimed with FOR UPDATE SKIP
 * LOCKED and marked 'sending' in a short transaction, so instances running this concurrently
 * never take the same row; the SMTP conversation happens outside any transaction. A full batch
 * means more may be due: the caller runs another pass.
 */
export async function deliverDueMail(
  db: Db,
  transport: MailTransport,
  opts: DeliverOptions = {},
): Promise<DeliverResult> {
  const now = opts.now ?? new Date();
  const maxAttempts = opts.maxAttempts ?? 8;
  const claimed = await claimDueMail(db, now, opts.batchSize ?? 20, maxAttempts);
  const result: DeliverResult = { sent: 0, failed: 0, retried: 0 };
  for (const mail of claimed) {
    try {
      await transport.send({
        from: transport.from,
        to: mail.toAddress,
        subject: mail.subject,
        text: mail.textBody,
        html: mail.htmlBody ?? undefined,
        headers: mail.headers ?? undefined,
      });
    } catch (error) {
      const attempts = mail.attempts + 1;
      const failed = attempts >= maxAttempts;
      await db
        .update(emailOutbox)
        .set({
          status: failed ? "failed" : "pending",
          ...(failed ? { ...redacted, ...forgotten(mail.kind) } : {}),
          attempts,
          lastError: redactSecrets(errorMessage(error)),
          nextAttemptAt: new Date(now.getTime() + retryDelayMs(attempts)),
        })
        .where(eq(emailOutbox.id, mail.id));
      // Ids and error codes only: the message text may name the recipient.
      const code = (error as { code?: unknown }).code;
      log.warn(failed ? "mail failed permanently" : "mail delivery failed, will retry", {
        id: mail.id,
        kind: mail.kind,
        attempts,
        code: typeof code === "string" ? code : undefined,
      });
      if (failed) result.failed++;
      else result.retried++;
      continue;
    }
    await db
      .update(emailOutbox)
      .set({
        status: "sent",
        sentAt: new Date(),
        lastError: null,
        ...redacted,
        ...forgotten(mail.kind),
      })
      .where(eq(emailOutbox.id, mail.id));
    result.sent++;
  }
  return result;
}

async function claimDueMail(db: Db, now: Date, batchSize: number, maxAttempts: number) {
  // Due by the later of the database's clock and ours: next_attempt_at starts as the database's
  // now(), so an app clock running behind (or the same millisecond, given microsecond columns)
  // would otherwise leave a just-committed mail for the next poll instead of this flush.
  const dueBy = sql`greatest(now(), ${now.toISOString()}::timestamptz)`;
  return db.transaction(async (tx) => {
    // While 'sending', next_attempt_at holds the lease's end (set below). A row still 'sending'
    // past it belongs to an instance that crashed mid-send: count the attempt and offer it
    // again. (It may have gone out already; mail is at-least-once, never silently lost.)
    const givingUp = sql`${emailOutbox.attempts} + 1 >= ${maxAttempts}`;
    await tx
      .update(emailOutbox)
      .set({
        status: sql`case when ${givingUp}
          then 'failed'::email_outbox_status else 'pending'::email_outbox_status end`,
        textBody: sql`case when ${givingUp} then ${REDACTED_BODY} else ${emailOutbox.textBody} end`,
        htmlBody: sql`case when ${givingUp} then null else ${emailOutbox.htmlBody} end`,
        headers: sql`case when ${givingUp} then null else ${emailOutbox.headers} end`,
        attempts: sql`${emailOutbox.attempts} + 1`,
        lastError: "interrupted: the sending instance stopped before confirming delivery",
        nextAttemptAt: dueBy,
      })
      .where(and(eq(emailOutbox.status, "sending"), lte(emailOutbox.nextAttemptAt, dueBy)));

    const due = await tx
      .select({ id: emailOutbox.id })
      .from(emailOutbox)
      .where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, dueBy)))
      .orderBy(asc(emailOutbox.nextAttemptAt))
      .limit(batchSize)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    const ids = due.map((r) => r.id);

    return (
      tx
        .update(emailOutbox)
        // How long a claimed row may stay 'sending' before another instance takes it over.
        .set({ status: "sending", nextAttemptAt: sql`${dueBy} + interval '10 minutes'` })
        // The status check is redundant with the row locks, and kept so that a forgotten lock
        // could at worst make a pass wait, never send a mail twice.
        .where(and(inArray(emailOutbox.id, ids), eq(emailOutbox.status, "pending")))
        .returning({
          id: emailOutbox.id,
          kind: emailOutbox.kind,
          toAddress: emailOutbox.toAddress,
          subject: emailOutbox.subject,
          textBody: emailOutbox.textBody,
          htmlBody: emailOutbox.htmlBody,
          headers: emailOutbox.headers,
          attempts: emailOutbox.attempts,
        })
    );
  });
}

export type OutboxMailDTO = {
  id: string;
  kind: string;
  toAddress: string;
  subject: string;
  textBody: string;
  status: "pending" | "sending" | "sent" | "failed";
  attempts: number;
  createdAt: Date;
  sentAt: Date | null;
};

/**
 * Every queued mail, newest first, keyset-paged on (created_at, id) through
 * lib/dal/data/keyset.ts (microsecond cursors) — for the development mailbox page. Not scoped to a user: callers must allow it only outside production or to admins.
 */
export async function listOutbox(db: Db, input: PageInput = {}): Promise<Page<OutboxMailDTO>> {
  const k = keyset(emailOutbox.createdAt, emailOutbox.id, "uuid", input, {
    fallback: 50,
    max: 200,
  });
  const rows = await db
    .select({
      _k: cursorKey(emailOutbox.createdAt),
      id: emailOutbox.id,
      kind: emailOutbox.kind,
      toAddress: emailOutbox.toAddress,
      subject: emailOutbox.subject,
      textBody: emailOutbox.textBody,
      status: emailOutbox.status,
      attempts: emailOutbox.attempts,
      createdAt: emailOutbox.createdAt,
      sentAt: emailOutbox.sentAt,
    })
    .from(emailOutbox)
    .where(k.where)
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
