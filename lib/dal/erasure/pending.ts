import "server-only";
import { and, desc, eq, inArray } from "drizzle-orm";
import { cache } from "react";
import { getDb } from "@/db";
import { privacyRequests } from "@/db/schema";
import { OPEN_STATUSES } from "@/lib/requests/clock";

export type PendingErasure = {
  id: string;
  reference: string;
  status: string;
  scheduledFor: Date;
};

/**
 * The holder's open erasure request, if any: while it exists the account is locked (the guards in
 * lib/dal/session.ts) and every account page shows the banner. Once per request (React cache).
 * Not exported from a page: callers pass the id the session gave them.
 */
export const getPendingErasureOf = cache(async (userId: string): Promise<PendingErasure | null> => {
  const db = await getDb();
  const [row] = await db
    .select({
      id: privacyRequests.id,
      reference: privacyRequests.reference,
      status: privacyRequests.status,
      scheduledFor: privacyRequests.scheduledFor,
    })
    .from(privacyRequests)
    .where(
      and(
        eq(privacyRequests.userId, userId),
        eq(privacyRequests.kind, "erasure"),
        inArray(privacyRequests.status, [...OPEN_STATUSES]),
      ),
    )
    .orderBy(desc(privacyRequests.createdAt))
    .limit(1);
  return row?.scheduledFor ? { ...row, scheduledFor: row.scheduledFor } : null;
});
