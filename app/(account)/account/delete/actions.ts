"use server";
import { revalidatePath } from "next/cache";
import { ok, refusal, type ActionResult } from "@/lib/actions";
import { getTranslations } from "next-intl/server";
import { cancelMyErasure, scheduleMyErasure } from "@/lib/dal/erasure/request";
import { requireUser } from "@/lib/dal/session";
import { failure } from "@/lib/actions";

// auth → (no input) → DAL (which checks step-up, read-only and the lock again) → revalidate.

/** "Delete my account": files the erasure request; the grace period starts now. */
export async function scheduleErasureAction(): Promise<ActionResult<{ scheduledFor: string }>> {
  await requireUser();
  try {
    const scheduled = await scheduleMyErasure();
    revalidatePath("/account", "layout");
    return ok({ scheduledFor: scheduled.scheduledFor.toISOString() });
  } catch (error) {
    return refusal(error);
  }
}

/** "Keep my account" in the banner. */
export async function keepMyAccountAction(): Promise<ActionResult> {
  await requireUser();
  try {
    const outcome = await cancelMyErasure();
    revalidatePath("/account", "layout");
    return outcome === "cancelled"
      ? ok(null)
      : failure((await getTranslations("rights.keep"))("nothingSignedIn"));
  } catch (error) {
    return refusal(error);
  }
}
