import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { privacyRequests } from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type PrivacyRequestDTO = {
  id: string;
  reference: string;
  kind: string;
  status: string;
  createdAt: Date;
  dueAt: Date;
  closedAt: Date | null;
};

/** The signed-in user's privacy requests, newest first (keyset on created_at, id). */
export async function listMyPrivacyRequests(input: PageInput): Promise<Page<PrivacyRequestDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = privacyRequests;
  const k = keyset(t.createdAt, t.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(t.createdAt),
      id: t.id,
      reference: t.reference,
      kind: t.kind,
      status: t.status,
      createdAt: t.createdAt,
      dueAt: t.dueAt,
      closedAt: t.closedAt,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
