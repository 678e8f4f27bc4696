"use server";
import { revalidatePath } from "next/cache";
import { invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { countMyDeletable, deleteMyData } from "@/lib/dal/erasure/delete-data";
import { requireUser } from "@/lib/dal/session";
import { deleteDataSchema, type DeleteDataInput } from "@/lib/validation/delete-data";

// auth → parse (zod) → DAL (which checks the catalog, read-only and the erasure lock) → result.

/** Step one: how many items the choice covers. Changes nothing. */
export async function countDeletableAction(
  input: DeleteDataInput,
): Promise<ActionResult<{ count: number }>> {
  await requireUser();
  const parsed = deleteDataSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return ok({ count: await countMyDeletable(parsed.data) });
  } catch (error) {
    return refusal(error);
  }
}

/** Step two, after the holder confirmed the count: delete them. */
export async function deleteDataAction(
  input: DeleteDataInput,
): Promise<ActionResult<{ deleted: number }>> {
  await requireUser();
  const parsed = deleteDataSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const deleted = await deleteMyData(parsed.data);
    revalidatePath("/account", "layout");
    return ok({ deleted });
  } catch (error) {
    return refusal(error);
  }
}
