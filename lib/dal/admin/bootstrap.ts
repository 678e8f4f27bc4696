import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { sessions, users } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { issueLinkToken } from "@/lib/dal/tokens";
import { resetPasswordPath } from "@/lib/mail/account-templates";
import { appLink } from "@/lib/mail/render";

/** How long the printed set-password link works. */
export const ADMIN_LINK_HOURS = 24;

export type AdminBootstrap = { userId: string; created: boolean; link: string };

/**
 * `npm run admin:create`: makes an admin (or promotes the account with that address) with no
 * usable password, ends its sessions, and returns a one-time set-password link — the password
 * reset mechanism, so the link works once and expires. Run by whoever operates the server, so
 * there is no session to check: the command line is the authority. Never called by the app.
 */
export async function createOrPromoteAdmin(
  db: Db,
  input: { email: string; name: string; appUrl: string },
): Promise<AdminBootstrap> {
  const email = input.email.trim();
  return db.transaction(async (tx) => {
    const [existing] = await tx
      .select({ id: users.id })
      .from(users)
      .where(sql`lower(${users.email}) = ${email.toLowerCase()}`)
      .for("update");
    const now = new Date();
    let userId: string;
    if (existing) {
      userId = existing.id;
      // Whatever password it had (perhaps a published demo one) stops working now.
      await tx
        .update(users)
        .set({ role: "admin", passwordHash: null, updatedAt: now })
        .where(eq(users.id, userId));
      await tx
        .update(sessions)
        .set({ revokedAt: now, revokedReason: "admin_create" })
        .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)));
    } else {
      const [row] = await tx
        .insert(users)
        .values({ email, name: input.name, role: "admin", passwordHash: null })
        .returning({ id: users.id });
      userId = row!.id;
    }
    const token = await issueLinkToken(tx, {
      userId,
      purpose: "reset_password",
      hours: ADMIN_LINK_HOURS,
    });
    await writeAudit(tx, {
      actorId: null,
      actorRole: "system",
      subjectId: userId,
      action: existing ? "admin.promote" : "admin.create",
      targetType: "user",
      targetId: userId,
      details: { via: "npm run admin:create" },
    });
    return {
      userId,
      created: !existing,
      link: appLink(input.appUrl, resetPasswordPath, { token }),
    };
  });
}
