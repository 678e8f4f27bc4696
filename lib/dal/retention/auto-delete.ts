import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db";
import { autoDeleteChoices } from "@/db/schema";
import { writeAudit } from "@/lib/dal/audit";
import { requireSession, requireWritable } from "@/lib/dal/session";
import { getCategory, type CategoryId } from "@/lib/catalog";
import { invalidInput } from "@/lib/errors";
import { allowsAutoDelete, autoDeleteOptions } from "@/lib/retention/policy";
import { autoDeleteSchema, periodMonths, type AutoDeleteInput } from "@/lib/validation/auto-delete";

/**
 * Auto-delete chosen by the holder: a shorter keeping period for a category whose catalog entry
 * allows one (print jobs, diagnostics, Cura versions, sign-ins down to their floor). The
 * retention job (purge.ts) honours it; the category's panel shows it.
 */

/** The signed-in holder's choice for one category, in months; null = the standard period. */
export async function getMyAutoDelete(category: CategoryId): Promise<number | null> {
  const { user } = await requireSession();
  const db = await getDb();
  const [row] = await db
    .select({ months: autoDeleteChoices.months })
    .from(autoDeleteChoices)
    .where(and(eq(autoDeleteChoices.userId, user.id), eq(autoDeleteChoices.category, category)));
  return row?.months ?? null;
}

const NOT_OFFERED = "That period is not offered for this kind of data.";

/**
 * Sets or clears the signed-in holder's choice. Refused in a read-only support view, for a
 * category without auto-delete and for a period the category does not offer; a choice equal to
 * the current one changes and writes nothing.
 */
export async function setMyAutoDelete(
  input: AutoDeleteInput,
): Promise<{ changed: boolean; months: number | null }> {
  const { user } = await requireWritable("data.auto_delete.set");
  const parsed = autoDeleteSchema.safeParse(input);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => i.path[0]);
    throw invalidInput(
      fields.includes("category") ? "That kind of data has no auto-delete." : NOT_OFFERED,
    );
  }
  const category = getCategory(parsed.data.category);
  if (!category || !allowsAutoDelete(category))
    throw invalidInput("That kind of data has no auto-delete.");
  const months = periodMonths(parsed.data.period);
  if (months !== null && !(autoDeleteOptions(category) as number[]).includes(months))
    throw invalidInput(NOT_OFFERED, { period: [NOT_OFFERED] });

  const db = await getDb();
  return db.transaction(async (tx) => {
    const c = autoDeleteChoices;
    const mine = and(eq(c.userId, user.id), eq(c.category, category.id));
    const [before] = await tx.select({ months: c.months }).from(c).where(mine).for("update");
    const previous = before?.months ?? null;
    if (previous === months) return { changed: false, months };
    if (months === null) await tx.delete(c).where(mine);
    else
      await tx
        .insert(c)
        .values({ userId: user.id, category: category.id, months, chosenAt: new Date() })
        .onConflictDoUpdate({
          target: [c.userId, c.category],
          set: { months, chosenAt: new Date() },
        });
    await writeAudit(tx, {
      actorId: user.id,
      actorRole: user.role,
      subjectId: user.id,
      action: "data.auto_delete.set",
      targetType: "category",
      targetId: category.id,
      details: { months, previous },
    });
    return { changed: true, months };
  });
}
