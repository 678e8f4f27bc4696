"use server";
// Public on purpose: these actions serve links from emails (newsletter confirmation and
// unsubscribe) to people who may not be signed in. Each acts only through a single-use or
// HMAC-signed token checked in lib/dal, and reveals nothing about other accounts.
import { getTranslations } from "next-intl/server";
import { failure, ok, type ActionResult } from "@/lib/actions";
import { unsubscribeWithToken } from "@/lib/dal/campaigns";
import { confirmNewsletter } from "@/lib/dal/marketing";

// Token-based, without a session on purpose: the emailed link is the proof. Each acts only on
// the button press on its page, so mail scanners that open links change nothing.

export async function confirmNewsletterAction(token: string): Promise<ActionResult> {
  const t = await getTranslations("rights");
  if (typeof token !== "string" || token.length > 300) return failure(t("link.invalid"));
  const status = await confirmNewsletter(token);
  if (status === "ok") return ok(null);
  if (status === "used" || status === "not_pending") return failure(t("newsletter.used"));
  if (status === "expired") return failure(t("newsletter.expired"));
  return failure(t("newsletter.invalid"));
}

export async function unsubscribeAction(token: string): Promise<ActionResult> {
  const t = await getTranslations("rights");
  if (typeof token !== "string" || token.length > 4000) return failure(t("link.invalid"));
  const status = await unsubscribeWithToken(token);
  return status === "ok" ? ok(null) : failure(t("unsubscribe.invalid"));
}
