"use server";
import { invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import { requireRole } from "@/lib/dal/session";
import { sendCampaign } from "@/lib/dal/campaigns";
import { campaignSchema, type CampaignInput } from "@/lib/validation/consent";

export async function sendCampaignAction(
  input: CampaignInput,
): Promise<ActionResult<{ recipients: number }>> {
  await requireRole("admin");
  const parsed = campaignSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return ok(await sendCampaign(parsed.data));
  } catch (error) {
    return refusal(error);
  }
}
