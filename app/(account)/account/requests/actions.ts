"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/dal/session";
import { addMyRequestMessage, cancelMyRequest, createMyRequest } from "@/lib/dal/requests/holder";
import {
  holderRequestSchema,
  requestMessageSchema,
  type HolderRequestInput,
  type RequestMessageInput,
} from "@/lib/validation/requests";

// auth → parse → DAL (which checks the session again and refuses read-only sessions) →
// revalidate → typed result.

export async function createRequestAction(
  input: HolderRequestInput,
): Promise<ActionResult<{ reference: string }>> {
  await requireUser();
  const parsed = holderRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const created = await createMyRequest(parsed.data);
    revalidatePath("/account/requests");
    return ok(created);
  } catch (error) {
    return refusal(error);
  }
}

export async function messageRequestAction(
  reference: string,
  input: RequestMessageInput,
): Promise<ActionResult> {
  await requireUser();
  const parsed = requestMessageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await addMyRequestMessage(String(reference), parsed.data.message);
    if (outcome !== "ok") return failure((await getTranslations("requests.outcome"))(outcome));
    revalidatePath(`/account/requests/${reference}`);
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}

export async function cancelRequestAction(reference: string): Promise<ActionResult> {
  await requireUser();
  try {
    const outcome = await cancelMyRequest(String(reference));
    if (outcome !== "ok") return failure((await getTranslations("requests.outcome"))(outcome));
    revalidatePath("/account/requests");
    revalidatePath(`/account/requests/${reference}`);
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}
