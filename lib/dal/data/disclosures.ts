import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { thirdPartyDisclosures } from "@/db/schema";
import { requireSession } from "@/lib/dal/session";
import { cursorKey, keyset, type Page, type PageInput } from "./keyset";

export type DisclosureDTO = {
  id: string;
  recipientKind: string;
  recipientName: string;
  country: string | null;
  purpose: string;
  categories: string[];
  legalBasis: string;
  disclosedAt: Date;
  reference: string | null;
};

/** Who received the signed-in user's data, newest first (keyset on disclosed_at, id). */
export async function listMyDisclosures(input: PageInput): Promise<Page<DisclosureDTO>> {
  const { user } = await requireSession();
  const db = await getDb();
  const t = thirdPartyDisclosures;
  const k = keyset(t.disclosedAt, t.id, "uuid", input);
  const rows = await db
    .select({
      _k: cursorKey(t.disclosedAt),
      id: t.id,
      recipientKind: t.recipientKind,
      recipientName: t.recipientName,
      country: t.country,
      purpose: t.purpose,
      categories: t.categories,
      legalBasis: t.legalBasis,
      disclosedAt: t.disclosedAt,
      reference: t.reference,
    })
    .from(t)
    .where(and(eq(t.userId, user.id), k.where))
    .orderBy(...k.orderBy)
    .limit(k.limit);
  return k.page(rows, ({ _k: _, ...r }) => r);
}
