import "server-only";
import { eq } from "drizzle-orm";
import type { Db, Tx } from "@/db";
import { users } from "@/db/schema";
import { defaultLocale, type Locale } from "@/lib/i18n/config";
import { viewerLocale } from "@/lib/i18n/server";

/**
 * The language to mail an account holder in: their account's (the profile's choice, which the
 * language switcher also sets). English when the account is gone or there is none. Never the
 * viewer's: this runs inside transactions, where reading the session through another
 * connection would wait on the embedded database for ever (use visitorLocale before it).
 */
export async function accountLocale(tx: Tx | Db, userId: string | null): Promise<Locale> {
  if (!userId) return defaultLocale;
  const [row] = await tx
    .select({ language: users.language })
    .from(users)
    .where(eq(users.id, userId));
  return row?.language ?? defaultLocale;
}

/**
 * The language to mail a visitor without an account in: the one they are using the site in
 * (switcher cookie, else Accept-Language). English outside a request (jobs, tests).
 */
export async function visitorLocale(): Promise<Locale> {
  try {
    return await viewerLocale();
  } catch {
    return defaultLocale;
  }
}

/**
 * For mail a job or a staff member causes: the account's language, else English. Not the
 * viewer's: here the viewer is staff (or nobody), never the recipient. A visitor's request
 * keeps no language of its own yet, so a visitor hears from staff in English.
 */
export async function storedLocale(tx: Tx | Db, userId: string | null): Promise<Locale> {
  return userId ? accountLocale(tx, userId) : defaultLocale;
}
