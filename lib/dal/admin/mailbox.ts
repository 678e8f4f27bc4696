import "server-only";
import { getDb } from "@/db";
import type { Page, PageInput } from "@/lib/dal/data/keyset";
import { listOutbox, type OutboxMailDTO } from "@/lib/dal/mail/outbox";
import { requireRole } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { mailboxOpenToAll, mailboxShowsBody } from "./mailbox-policy";

/** A mailbox line: the body only where mailboxShowsBody allows it, else null. */
export type MailboxEntryDTO = Omit<OutboxMailDTO, "textBody"> & { textBody: string | null };

/**
 * The mailbox page: every queued mail, newest first. Outside production anyone may read it;
 * in production only admins (others get 404, signed-out visitors the sign-in page). Bodies only
 * as mailboxShowsBody says: never in production, and never once delivered.
 */
export async function listMailbox(input: PageInput = {}): Promise<Page<MailboxEntryDTO>> {
  if (!mailboxOpenToAll(env.NODE_ENV)) await requireRole("admin");
  const where = { nodeEnv: env.NODE_ENV, demoMode: env.DEMO_MODE };
  const page = await listOutbox(await getDb(), { ...input, limit: input.limit ?? 25 });
  return {
    ...page,
    items: page.items.map((m) => ({
      ...m,
      textBody: mailboxShowsBody(where, m.status) ? m.textBody : null,
    })),
  };
}
