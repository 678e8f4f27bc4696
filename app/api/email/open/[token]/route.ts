// Public on purpose: the tracking pixel of a marketing email. It acts only on an HMAC-signed
// token and records an open only while open-tracking consent holds.
import { recordEmailOpen } from "@/lib/dal/campaigns";

// A transparent 1×1 GIF.
const GIF = Buffer.from("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "base64");

/**
 * Public on purpose: mail clients fetch the pixel without a session. The HMAC-signed token names
 * the recipient and campaign; an open is recorded only if they allow open tracking right now.
 * The answer is the same image whatever happened, so it tells the fetcher nothing.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  await recordEmailOpen(token);
  return new Response(GIF, {
    headers: { "content-type": "image/gif", "cache-control": "no-store, private" },
  });
}
