/**
 * Who may read the mail outbox (every mail to everyone): anyone outside production — it is the
 * development mailbox, needed to follow a sign-up link before one can sign in — and in
 * production only admins.
 */
export function mailboxOpenToAll(nodeEnv: string): boolean {
  return nodeEnv !== "production";
}
