"use server";
// Public on purpose: these actions serve links from emails (newsletter confirmation and
// unsubscribe) to people who may not be signed in. Each acts only through a single-use or
// HMAC-signed token checked in lib/dal, and reveals nothing about other accounts.
import { failure, ok, type ActionResult } from "@/lib/actions";
import { unsubscribeWithToken } from "@/lib/dal/campaigns";
import { confirmNewsletter } from "@/lib/dal/marketing";

// Token-based, without a session on purpose: the emailed link is the proof. Each acts only on
// the button press on its page, so mail scanners that open links change nothing.

export async function confirmNewsletterAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string" || token.length > 300) return failure("This link is not valid.");
  const status = await confirmNewsletter(token);
  if (status === "ok") return ok(null);
  if (status === "used" || status === "not_pending") {
    return failure("This link was already used. Your subscription is as you last set it.");
  }
  if (status === "expired")
    return failure("This link has expired. Turn the newsletter on again in your account.");
  return failure("This link is not valid. Use the newest link we sent you.");
}

export async function unsubscribeAction(token: string): Promise<ActionResult> {
  if (typeof token !== "string" || token.length > 4000) return failure("This link is not valid.");
  const status = await unsubscribeWithToken(token);
  return status === "ok"
    ? ok(null)
    : failure("This unsubscribe link is not valid. Use the link from the email.");
}
