"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/dal/session";
import { grantSupportAccess, revokeSupportAccess } from "@/lib/dal/support/grants";
import { grantSchema, type GrantInput } from "@/lib/validation/support";

// auth → parse → DAL (which refuses read-only sessions, and asks for the password to grant)
// → revalidate → typed result.

export async function grantSupportAccessAction(
  input: GrantInput,
): Promise<ActionResult<{ ticketRef: string; expiresAt: string }>> {
  await requireUser();
  const parsed = grantSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const grant = await grantSupportAccess(parsed.data);
    revalidatePath("/account/support-access");
    return ok({ ticketRef: grant.ticketRef, expiresAt: grant.expiresAt.toISOString() });
  } catch (error) {
    return refusal(error);
  }
}

export async function revokeSupportAccessAction(grantId: string): Promise<ActionResult> {
  await requireUser();
  const parsed = z.uuid().safeParse(grantId);
  const t = await getTranslations("security.supportAccess");
  if (!parsed.success) return failure(t("unknown"));
  try {
    if (!(await revokeSupportAccess(parsed.data))) {
      return failure(t("gone"));
    }
    revalidatePath("/account/support-access");
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}
