"use server";
// Public on purpose: the link in the "your account will be deleted" mail, for a holder who may
// be locked out. The signed token is the proof, checked in lib/dal.
import { getTranslations } from "next-intl/server";
import { failure, ok, type ActionResult } from "@/lib/actions";
import { cancelErasureWithToken } from "@/lib/dal/erasure/request";

export async function keepAccountWithTokenAction(token: string): Promise<ActionResult> {
  const t = await getTranslations("rights");
  if (typeof token !== "string" || token.length > 4000) return failure(t("link.invalid"));
  const outcome = await cancelErasureWithToken(token);
  if (outcome === "cancelled") return ok(null);
  return failure(outcome === "invalid" ? t("keep.invalid") : t("keep.nothing"));
}
