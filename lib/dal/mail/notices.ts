import "server-only";
import { eq } from "drizzle-orm";
import type { Tx } from "@/db";
import { users } from "@/db/schema";
import { env } from "@/lib/env";
import { passwordChangedMail } from "@/lib/mail/templates";
import { enqueueMail } from "./outbox";
import { accountLocale } from "./language";

/**
 * Tells an account holder their password was just set from a reset link, in the caller's
 * transaction: whoever used the link (the holder, or someone who read their mail) cannot do it
 * without the holder hearing of it.
 */
export async function enqueuePasswordResetNotice(
  tx: Tx,
  userId: string,
  changedAt: Date,
): Promise<void> {
  const [user] = await tx
    .select({ name: users.name, email: users.email })
    .from(users)
    .where(eq(users.id, userId));
  if (!user) return;
  const locale = await accountLocale(tx, userId);
  const mail = passwordChangedMail({ appUrl: env.APP_URL, name: user.name, changedAt, locale });
  await enqueueMail(tx, { userId, kind: "password_changed", to: user.email, ...mail });
}
