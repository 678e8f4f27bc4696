import "server-only";
import { and, desc, eq, gt, isNotNull, isNull, lte, or } from "drizzle-orm";
import { getDb } from "@/db";
import { supportAccessGrants } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { requireRecentAuth, requireSession, requireWritable } from "@/lib/dal/session";
import { closeImpersonationsUnderGrants } from "./staff-events";

export type SupportGrantDTO = {
  id: string;
  ticketRef: string;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  active: boolean;
};

const PAST_SHOWN = 20;

/**
 * The signed-in user's grants: every active one, then the most recent past ones. A user rarely
 * has more than a handful, so no paging.
 */
export async function listMySupportGrants(): Promise<{
  active: SupportGrantDTO[];
  past: SupportGrantDTO[];
}> {
  const { user } = await requireSession();
  const db = await getDb();
  const now = new Date();
  const columns = {
    id: supportAccessGrants.id,
    ticketRef: supportAccessGrants.ticketRef,
    createdAt: supportAccessGrants.createdAt,
    expiresAt: supportAccessGrants.expiresAt,
    revokedAt: supportAccessGrants.revokedAt,
  };
  const mine = eq(supportAccessGrants.userId, user.id);
  const order = [desc(supportAccessGrants.createdAt), desc(supportAccessGrants.id)];
  const [active, past] = await Promise.all([
    db
      .select(columns)
      .from(supportAccessGrants)
      .where(
        and(mine, isNull(supportAccessGrants.revokedAt), gt(supportAccessGrants.expiresAt, now)),
      )
      .orderBy(...order),
    db
      .select(columns)
      .from(supportAccessGrants)
      .where(
        and(
          mine,
          or(lte(supportAccessGrants.expiresAt, now), isNotNull(supportAccessGrants.revokedAt)),
        ),
      )
      .orderBy(...order)
      .limit(PAST_SHOWN),
  ]);
  return {
    active: active.map((g) => ({ ...g, active: true })),
    past: past.map((g) => ({ ...g, active: false })),
  };
}

/**
 * Lets support look at the account for one ticket, for a few hours. Needs the password again
 * (step-up): a grant opens the account to someone else.
 */
export async function grantSupportAccess(input: {
  ticketRef: string;
  hours: number;
}): Promise<SupportGrantDTO> {
  await requireWritable("support.grant");
  const session = await requireRecentAuth();
  const db = await getDb();
  const now = new Date();
  return db.transaction(async (tx) => {
    const [grant] = await tx
      .insert(supportAccessGrants)
      .values({
        userId: session.user.id,
        ticketRef: input.ticketRef,
        createdAt: now,
        expiresAt: new Date(now.getTime() + input.hours * 3_600_000),
      })
      .returning({
        id: supportAccessGrants.id,
        ticketRef: supportAccessGrants.ticketRef,
        createdAt: supportAccessGrants.createdAt,
        expiresAt: supportAccessGrants.expiresAt,
        revokedAt: supportAccessGrants.revokedAt,
      });
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "support.grant",
      targetType: "support_access_grant",
      targetId: grant!.id,
      details: { ticketRef: input.ticketRef, hours: input.hours },
    });
    return { ...grant!, active: true };
  });
}

/**
 * Withdraws a grant at once; any support view opened under it ends in the same transaction
 * (and getLiveSession would end it on its next request anyway). Another user's grant id
 * matches nothing. No step-up: taking access away must never be hard.
 */
export async function revokeSupportAccess(grantId: string): Promise<boolean> {
  const session = await requireWritable("support.revoke");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const [revoked] = await tx
      .update(supportAccessGrants)
      .set({ revokedAt: new Date() })
      .where(
        and(
          eq(supportAccessGrants.id, grantId),
          eq(supportAccessGrants.userId, session.user.id),
          isNull(supportAccessGrants.revokedAt),
          gt(supportAccessGrants.expiresAt, new Date()),
        ),
      )
      .returning({ id: supportAccessGrants.id, ticketRef: supportAccessGrants.ticketRef });
    if (!revoked) return false;
    const actor = { id: session.user.id, role: session.user.role };
    const ended = await closeImpersonationsUnderGrants(tx, [revoked.id], actor);
    await writeAudit(tx, {
      actorId: session.user.id,
      actorRole: session.user.role,
      subjectId: session.user.id,
      action: "support.revoke",
      targetType: "support_access_grant",
      targetId: revoked.id,
      details: { ticketRef: revoked.ticketRef, viewsEnded: ended },
    });
    return true;
  });
}
