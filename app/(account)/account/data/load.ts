import "server-only";
import { notFound } from "next/navigation";
import { getCategory, type CategoryId } from "@/lib/catalog";
import { getMyCategoryStats } from "@/lib/dal/data/overview";
import { getMyAutoDelete } from "@/lib/dal/retention/auto-delete";
import { requireSession } from "@/lib/dal/session";
import { allowsAutoDelete } from "@/lib/retention/policy";

/** The catalog entry and the signed-in user's numbers for one category page. */
export async function loadCategory(id: CategoryId) {
  const category = getCategory(id);
  if (!category) notFound();
  const [[stats], chosenMonths, session] = await Promise.all([
    getMyCategoryStats([id], { oldest: true }),
    allowsAutoDelete(category) ? getMyAutoDelete(id) : Promise.resolve(null),
    requireSession(),
  ]);
  return { category, stats: stats!, chosenMonths, readOnly: session.readOnly };
}

/** A route segment that should be a uuid; anything else is simply not found. */
export function uuidOr404(id: string): string {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) notFound();
  return id.toLowerCase();
}
