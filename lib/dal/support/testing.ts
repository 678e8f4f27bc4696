import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db";
import { sessions, staffAccessEvents, supportAccessGrants } from "@/db/schema";
import { actAsSession, createAccount, signInAs, type TestAccount } from "@/db/testing/auth";
import { grantSupportAccess } from "./grants";
import { startImpersonation } from "./impersonation";

/** Test helpers for support access (integration tests only). */

export const REASON = "The customer cannot find last week's print jobs in their history.";

let tickets = 0;
export const newTicket = () => `SUP-${Date.now() % 1_000_000}-${++tickets}`;

/** A user who granted support access for a fresh ticket, and a signed-in agent. */
export async function grantedPair(opts: { hours?: number; agentRole?: "agent" | "admin" } = {}) {
  const user = await createAccount();
  const userSession = await signInAs(user);
  const ticket = newTicket();
  const grant = await grantSupportAccess({ ticketRef: ticket, hours: opts.hours ?? 4 });
  const agent = await createAccount({ role: opts.agentRole ?? "agent" });
  const agentSession = await signInAs(agent);
  return { user, userSession, ticket, grant, agent, agentSession };
}

/** Opens a view as the signed-in agent and makes the next DAL calls come from it. */
export async function openView(user: TestAccount, ticket: string): Promise<string> {
  const result = await startImpersonation({ userId: user.id, ticketRef: ticket, reason: REASON });
  if (!result.ok) throw new Error(`could not open the view: ${result.reason}`);
  await actAsSession(result.sessionId);
  return result.sessionId;
}

export async function eventsOf(sessionId: string) {
  const db = await getDb();
  return db
    .select({
      kind: staffAccessEvents.kind,
      path: staffAccessEvents.path,
      reason: staffAccessEvents.reason,
    })
    .from(staffAccessEvents)
    .where(eq(staffAccessEvents.sessionId, sessionId))
    .orderBy(staffAccessEvents.id);
}

export async function sessionRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(sessions).where(eq(sessions.id, id));
  return row!;
}

export async function expireGrant(grantId: string, at: Date) {
  const db = await getDb();
  await db
    .update(supportAccessGrants)
    .set({ expiresAt: at })
    .where(and(eq(supportAccessGrants.id, grantId)));
}

/** next/navigation's notFound() as thrown outside a render. */
export const NOT_FOUND = { digest: expect.stringContaining("404") };
