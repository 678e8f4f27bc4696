"use server";
import { getTranslations } from "next-intl/server";
import { revalidatePath } from "next/cache";
import { invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/dal/session";
import { setMyProcessingChoice, type ProcessingStateDTO } from "@/lib/dal/processing";
import { processingChoiceSchema, type ProcessingChoiceInput } from "@/lib/validation/processing";

export async function setProcessingChoiceAction(
  input: ProcessingChoiceInput,
): Promise<ActionResult<ProcessingStateDTO>> {
  await requireUser();
  const parsed = processingChoiceSchema.safeParse(input);
  if (!parsed.success)
    return invalid(parsed.error, (await getTranslations("rights.processing"))("notOffered"));
  try {
    const { state } = await setMyProcessingChoice(parsed.data);
    revalidatePath("/account/processing");
    revalidatePath("/account/preferences");
    return ok(state);
  } catch (error) {
    return refusal(error);
  }
}
