"use server";
// Public on purpose: people without an account (locked out, never a customer) file and follow
// requests here, so there is no session to require. What authorises is the mailed link (a
// single-use token) or the signed tracker token, both checked in lib/dal/requests/public.ts;
// submitting is throttled per address and per IP there.
import { failure, invalid, ok, refusal, type ActionResult } from "@/lib/actions";
import {
  addTrackedRequestMessage,
  cancelTrackedRequest,
  confirmPublicRequest,
  submitPublicRequest,
} from "@/lib/dal/requests/public";
import { requestTrackerPath } from "@/lib/mail/request-templates";
import { formatDateTime } from "@/lib/format";
import { OUTCOME_TEXT } from "@/lib/requests/outcome-text";
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
      return failure(
        `Too many requests were sent from here or to this address. Please try again after ${formatDateTime(outcome.retryAt)}.`,
      );
    }
    return ok({});
  } catch (error) {
    return refusal(error);
  }
}

const LINK_TEXT = {
  invalid:
    "This link is not valid: it may have been used already, or changed on the way. Nothing was sent. If you already confirmed, the link to follow your request is in your email.",
  expired:
    "This link has expired: links work for 24 hours. Nothing was sent; please make the request again.",
} as const;

export async function confirmPublicRequestAction(
  token: string,
): Promise<ActionResult<{ trackerPath: string }>> {
  try {
    const outcome = await confirmPublicRequest(String(token));
    if (outcome.status !== "ok") return failure(LINK_TEXT[outcome.status]);
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
    return outcome === "ok" ? ok(null) : failure(OUTCOME_TEXT[outcome]);
  } catch (error) {
    return refusal(error);
  }
}

export async function cancelTrackedRequestAction(token: string): Promise<ActionResult> {
  try {
    const outcome = await cancelTrackedRequest(String(token));
    return outcome === "ok" ? ok(null) : failure(OUTCOME_TEXT[outcome]);
  } catch (error) {
    return refusal(error);
  }
}
