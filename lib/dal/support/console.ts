import "server-only";
import { and, asc, eq, sql } from "drizzle-orm";
import { getDb } from "@/db";
import { users } from "@/db/schema";
import { requireRole } from "@/lib/dal/session";

/**
 * The agent console's reads. Staff-only (requireRole("agent"), which admins pass too): these
 * take a user id or search text from the agent, and show only what an agent needs to pick an
 * account — name, email and whether a grant is open — never the account's data itself.
 */

export type SupportAccountDTO = {
  id: string;
  name: string;
  email: string;
  /** The latest end among the user's active grants, or null when support may not look. */
  grantActiveUntil: Date | null;
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// Spelled out in SQL: drizzle leaves columns unqualified in a one-table select, and inside the
// subquery "id" would then mean the grant's id.
const activeUntil = sql<Date | null>`(
  select max(g.expires_at) from support_access_grants g
  where g.user_id = "users"."id" and g.revoked_at is null and g.expires_at > now())`.mapWith(
  (v: string | Date | null) => (v === null ? null : new Date(v)),
);

/**
 * Account holders (not staff) whose email starts with `query`, or whose id is `query`; at most
 * 20, by email.
 */
export async function searchAccounts(query: string): Promise<SupportAccountDTO[]> {
  await requireRole("agent");
  const db = await getDb();
  const q = query.trim().toLowerCase();
  const match = UUID.test(q)
    ? eq(users.id, q)
    : sql`lower(${users.email}) like ${q.replace(/[\\%_]/g, (c) => `\\${c}`) + "%"}`;
  return db
    .select({ id: users.id, name: users.name, email: users.email, grantActiveUntil: activeUntil })
    .from(users)
    .where(and(eq(users.role, "user"), match))
    .orderBy(asc(sql`lower(${users.email})`))
    .limit(20);
}

/**
 * One account holder for the "open" page. The tickets of their grants are not shown: the agent
 * must name the ticket they work on, which is how a grant is matched to the person using it.
 */
export async function getSupportAccount(userId: string): Promise<SupportAccountDTO | null> {
  await requireRole("agent");
  if (!UUID.test(userId)) return null;
  const db = await getDb();
  const [account] = await db
    .select({ id: users.id, name: users.name, email: users.email, grantActiveUntil: activeUntil })
    .from(users)
    .where(and(eq(users.id, userId), eq(users.role, "user")));
  return account ?? null;
}
