"use server";
import { revalidatePath } from "next/cache";
import { invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireUser } from "@/lib/dal/session";
import { updateMyMarketingPreferences, type MarketingPreferencesDTO } from "@/lib/dal/marketing";
import {
  marketingPreferencesSchema,
  type MarketingPreferencesInput,
} from "@/lib/validation/consent";

export async function updateMarketingPreferencesAction(
  input: MarketingPreferencesInput,
): Promise<ActionResult<MarketingPreferencesDTO & { confirmationSent: boolean }>> {
  await requireUser();
  const parsed = marketingPreferencesSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const result = await updateMyMarketingPreferences(parsed.data);
    revalidatePath("/account/preferences");
    revalidatePath("/account/consents");
    return ok(result);
  } catch (error) {
    return refusal(error);
  }
}
