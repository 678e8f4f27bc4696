"use server";
import { revalidatePath } from "next/cache";
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/dal/session";
import { createMyAccessToken, revokeMyAccessToken } from "@/lib/dal/data/access-tokens";
import { deleteMyCuraVersion } from "@/lib/dal/data/cura";
import { deleteMyDiagnostic } from "@/lib/dal/data/diagnostics";
import { deleteMyPrintJob } from "@/lib/dal/data/print-jobs";
import { setMyAutoDelete } from "@/lib/dal/retention/auto-delete";
import { autoDeleteSchema, type AutoDeleteInput } from "@/lib/validation/auto-delete";
import { categoryHref } from "@/components/data/format";
import { createTokenSchema, itemIdSchema, type CreateTokenInput } from "@/lib/validation/data";

// auth → parse → DAL (scoped to the session's user, refuses read-only sessions) → revalidate.
// Another user's id deletes nothing and reads as "does not exist".

async function deleteItem(
  id: unknown,
  remove: (id: string) => Promise<boolean>,
  path: string,
): Promise<ActionResult> {
  await requireUser();
  const parsed = itemIdSchema.safeParse(id);
  if (!parsed.success) return failure("That item does not exist.");
  try {
    if (!(await remove(parsed.data)))
      return failure("That item does not exist or was already deleted.");
  } catch (error) {
    return refusal(error);
  }
  // The overview's counts and the category page both change.
  revalidatePath("/account");
  revalidatePath(path, "layout");
  return ok(null);
}

export async function deletePrintJobAction(id: string): Promise<ActionResult> {
  return deleteItem(id, deleteMyPrintJob, "/account/data/print-jobs");
}

export async function deleteDiagnosticAction(id: string): Promise<ActionResult> {
  return deleteItem(id, deleteMyDiagnostic, "/account/data/diagnostics");
}

export async function deleteCuraVersionAction(id: string): Promise<ActionResult> {
  return deleteItem(id, deleteMyCuraVersion, "/account/data/cura-configuration");
}

export async function revokeTokenAction(id: string): Promise<ActionResult> {
  return deleteItem(id, revokeMyAccessToken, "/account/data/access-tokens");
}

/** The secret is in this one response and nowhere else, ever. */
export async function createTokenAction(
  input: CreateTokenInput,
): Promise<ActionResult<{ secret: string; prefix: string }>> {
  await requireUser();
  const parsed = createTokenSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const { secret, prefix } = await createMyAccessToken(parsed.data);
    revalidatePath("/account");
    revalidatePath("/account/data/access-tokens");
    return ok({ secret, prefix });
  } catch (error) {
    return refusal(error);
  }
}

/** Auto-delete for one category: auth → parse → DAL (refuses read-only views) → revalidate. */
export async function setAutoDeleteAction(
  input: AutoDeleteInput,
): Promise<ActionResult<{ months: number | null }>> {
  await requireUser();
  const parsed = autoDeleteSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error, "That choice is not one we offer.");
  try {
    const { months } = await setMyAutoDelete(parsed.data);
    revalidatePath(categoryHref(parsed.data.category), "layout");
    return ok({ months });
  } catch (error) {
    return refusal(error);
  }
}
