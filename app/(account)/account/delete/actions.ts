"use server";
import { revalidatePath } from "next/cache";
import { ok, refusal, type ActionResult } from "@/lib/actions";
import {
  cancelErasureWithToken,
  cancelMyErasure,
  scheduleMyErasure,
} from "@/lib/dal/erasure/request";
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
      : failure("There is no deletion to cancel: it has already started or was cancelled.");
  } catch (error) {
    return refusal(error);
  }
}

/** "Keep my account" from the emailed link: no sign-in, the signed token is the proof. */
export async function keepAccountWithTokenAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string" || token.length > 4000) return failure("This link is not valid.");
  const outcome = await cancelErasureWithToken(token);
  if (outcome === "cancelled") return ok(null);
  return failure(
    outcome === "invalid"
      ? "This link is not valid. Use the link from the email."
      : "There is no deletion to cancel with this link: it was already cancelled, or the account has been deleted.",
  );
}
