/**
 * Who may read the mail outbox (every mail to everyone): anyone outside production — it is the
 * development mailbox, needed to follow a sign-up link before one can sign in — and in
 * production only admins.
 */
export function mailboxOpenToAll(nodeEnv: string): boolean {
  return nodeEnv !== "production";
}

type MailStatus = "pending" | "sending" | "sent" | "failed";

/**
 * Whether the mailbox shows a mail's body. A production mailbox never does: an admin reading a
 * reset link there could take over the account. In development and under DEMO_MODE, mail not
 * yet delivered is shown, so links can be followed without SMTP; delivered mail has no body left
 * to show (lib/dal/mail/outbox.ts removes it).
 */
export function mailboxShowsBody(
  where: { nodeEnv: string; demoMode: boolean },
  status: MailStatus,
): boolean {
  if (where.nodeEnv === "production" && !where.demoMode) return false;
  return status === "pending" || status === "sending";
}
