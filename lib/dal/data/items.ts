import "server-only";
import { writeAudit } from "@/lib/dal/audit";
import type { Tx } from "@/db";
import type { SessionContext } from "@/lib/dal/session";

/** The audit event of a user deleting one of their own items; call last in the transaction. */
export async function auditItemDelete(
  tx: Tx,
  session: SessionContext,
  targetType: string,
  targetId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await writeAudit(tx, {
    actorId: session.user.id,
    actorRole: session.user.role,
    subjectId: session.user.id,
    action: "item.delete",
    targetType,
    targetId,
    details,
  });
}
