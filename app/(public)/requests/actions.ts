"use server";
// Public on purpose: people without an account (locked out, never a customer) file and follow
// requests here, so there is no session to require. What authorises is the mailed link (a
// single-use token) or the signed tracker token, both checked in lib/dal/requests/public.ts;
// submitting is throttled per address and per IP there.
import { getTranslations } from "next-intl/server";
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import {
  addTrackedRequestMessage,
  cancelTrackedRequest,
  confirmPublicRequest,
  submitPublicRequest,
} from "@/lib/dal/requests/public";
import { requestTrackerPath } from "@/lib/mail/request-templates";
import { getViewerFormat } from "@/lib/i18n/server";
import {
  publicRequestSchema,
  requestMessageSchema,
  type PublicRequestInput,
  type RequestMessageInput,
} from "@/lib/validation/requests";

/** Always the same answer for any address ("check your email"), unless rate-limited. */
export async function submitPublicRequestAction(
  input: PublicRequestInput,
): Promise<ActionResult<{ reference?: string }>> {
  const parsed = publicRequestSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await submitPublicRequest(parsed.data);
    if (!outcome.ok) {
      const [t, format] = await Promise.all([getTranslations("requests"), getViewerFormat()]);
      return failure(t("public.tooMany", { when: format.dateTime(outcome.retryAt) }));
    }
    return ok({});
  } catch (error) {
    return refusal(error);
  }
}

export async function confirmPublicRequestAction(
  token: string,
): Promise<ActionResult<{ trackerPath: string }>> {
  try {
    const outcome = await confirmPublicRequest(String(token));
    if (outcome.status !== "ok") {
      return failure((await getTranslations("requests"))(`verify.${outcome.status}`));
    }
    return ok({ trackerPath: requestTrackerPath({ trackToken: outcome.trackToken }) });
  } catch (error) {
    return refusal(error);
  }
}

export async function messageTrackedRequestAction(
  token: string,
  input: RequestMessageInput,
): Promise<ActionResult> {
  const parsed = requestMessageSchema.safeParse(input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    const outcome = await addTrackedRequestMessage(String(token), parsed.data.message);
    return outcome === "ok"
      ? ok(null)
      : failure((await getTranslations("requests"))(`outcome.${outcome}`));
  } catch (error) {
    return refusal(error);
  }
}

export async function cancelTrackedRequestAction(token: string): Promise<ActionResult> {
  try {
    const outcome = await cancelTrackedRequest(String(token));
    return outcome === "ok"
      ? ok(null)
      : failure((await getTranslations("requests"))(`outcome.${outcome}`));
  } catch (error) {
    return refusal(error);
  }
}
