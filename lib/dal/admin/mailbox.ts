import "server-only";
import { getDb } from "@/db";
import type { Page, PageInput } from "@/lib/dal/data/keyset";
import { listOutbox, type OutboxMailDTO } from "@/lib/dal/mail/outbox";
import { requireRole } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { mailboxOpenToAll } from "./mailbox-policy";

export type { OutboxMailDTO };

/**
 * The mailbox page: every queued mail, newest first. Outside production anyone may read it;
 * in production only admins (others get 404, signed-out visitors the sign-in page).
 */
export async function listMailbox(input: PageInput = {}): Promise<Page<OutboxMailDTO>> {
  if (!mailboxOpenToAll(env.NODE_ENV)) await requireRole("admin");
  return listOutbox(await getDb(), { ...input, limit: input.limit ?? 25 });
}
