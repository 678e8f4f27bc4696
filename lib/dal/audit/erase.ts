import "server-only";
import { eq, or, sql } from "drizzle-orm";
// lib/audit is part of the data layer (see write.ts).
import type { Tx } from "@/db/client";
import { auditLog } from "@/db/schema";

/**
 * The one UPDATE the audit log allows (db/migrations/0005_audit_update_guard.sql): clears every
 * personal field (actor_id, subject_id, ip, details, personal_salt) of each row naming `userId` as
 * actor or subject, inside the caller's erasure transaction. The kept personal_digest keeps the
 * chain verifiable; without the salt it links to no one. The trigger accepts the update only while
 * pc.audit_erasure is 'on', which is set for this statement alone (transaction-local, switched
 * off again right after). Returns the number of rows erased.
 */
export async function eraseAuditPersonalData(tx: Tx, userId: string): Promise<number> {
  await tx.execute(sql`select set_config('pc.audit_erasure', 'on', true)`);
  const erased = await tx
    .update(auditLog)
    .set({ actorId: null, subjectId: null, ip: null, details: null, personalSalt: null })
    .where(or(eq(auditLog.actorId, userId), eq(auditLog.subjectId, userId)))
    .returning({ id: auditLog.id });
  await tx.execute(sql`select set_config('pc.audit_erasure', 'off', true)`);
  return erased.length;
}
