// Public on purpose: visitors without an account choose cookies too. The body is validated
// (known vendor ids, current revision only), read-only support sessions are refused, and the
// record is append-only.
import { NextResponse } from "next/server";
import { CONSENT_COOKIE, CONSENT_COOKIE_MAX_AGE, encodeChoice } from "@/lib/consent/cookie";
import { cookiesToClear } from "@/lib/consent/decisions";
import { recordCookieChoice } from "@/lib/dal/consent";
import { AppError, invalidInput } from "@/lib/errors";
import { withProblems } from "@/lib/http/with-session";
import { cookieChoiceSchema } from "@/lib/validation/consent";

/**
 * Public on purpose: visitors without an account make cookie choices too. It only appends a
 * consent record (tied to the signed-in user when there is one, checked by the DAL) and sets
 * the consent cookie. It accepts JSON only, which a cross-site form cannot send without a CORS
 * preflight that this route never answers, so another site cannot consent for a visitor.
 * Refusals (bad input, a read-only support session) are answered as problem+json.
 */
export const POST = withProblems<unknown>(async (request) => {
  if (!request.headers.get("content-type")?.startsWith("application/json")) {
    throw new AppError({
      code: "unsupported_media_type",
      status: 415,
      title: "Unsupported media type",
      message: "Send JSON.",
    });
  }
  const body: unknown = await request.json().catch(() => null);
  const parsed = cookieChoiceSchema.safeParse(body);
  if (!parsed.success) throw invalidInput("Invalid choice.");
  const result = await recordCookieChoice(parsed.data);

  const response = NextResponse.json({ ok: true, clear: cookiesToClear(result.decisions) });
  response.cookies.set(
    CONSENT_COOKIE,
    encodeChoice({
      deviceId: parsed.data.deviceId,
      revision: parsed.data.revision,
      method: parsed.data.method,
      decisions: result.decisions,
    }),
    {
      path: "/",
      maxAge: CONSENT_COOKIE_MAX_AGE,
      sameSite: "lax",
      secure: new URL(request.url).protocol === "https:",
      // Not HttpOnly: the banner script adopts a signed-in user's choice from another browser
      // into this cookie. It holds no personal data.
      httpOnly: false,
    },
  );
  return response;
});
