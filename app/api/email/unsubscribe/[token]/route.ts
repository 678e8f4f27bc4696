// Public on purpose: RFC 8058 one-click unsubscribe must work without signing in. It acts
// only on an HMAC-signed token for one recipient.
import { unsubscribeWithToken } from "@/lib/dal/campaigns";
import { env } from "@/lib/env";
import { emailLinkPaths } from "@/lib/mail/campaign";
import { appLink } from "@/lib/mail/render";

/**
 * Public on purpose: RFC 8058 one-click unsubscribe. Mail providers POST here
 * ("List-Unsubscribe=One-Click") without any session or cookie; the HMAC-signed token in the
 * URL is the proof of who unsubscribes. A GET (someone opening the header link in a browser)
 * goes to the confirmation page, which acts only on a button press.
 */
export async function POST(_request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const outcome = await unsubscribeWithToken(token);
  if (outcome !== "ok")
    return new Response("This unsubscribe link is not valid.\n", { status: 400 });
  return new Response("You are unsubscribed.\n", {
    headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
  });
}

export async function GET(_request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  return Response.redirect(appLink(env.APP_URL, emailLinkPaths.unsubscribePage, { token }), 303);
}
