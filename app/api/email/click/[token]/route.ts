// Public on purpose: opened from a marketing email. It acts only on an HMAC-signed token,
// records a click only while click-tracking consent holds, and redirects only to the URL the
// token was signed for (no open redirect).
import { recordEmailClick } from "@/lib/dal/campaigns";
import { escapeHtml } from "@/lib/mail/render";
import { organisation } from "@/lib/organisation";

/**
 * Public on purpose: people click links in mail without being signed in. It redirects only to
 * the URL its HMAC-signed token was issued for (no open redirect); a tampered or foreign token
 * gets an error page. The click is recorded only if the recipient allows click tracking now.
 */
export async function GET(_request: Request, ctx: { params: Promise<{ token: string }> }) {
  const { token } = await ctx.params;
  const result = await recordEmailClick(token);
  if (!result) {
    const html =
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Link not valid</title></head>` +
      `<body style="font-family:system-ui,sans-serif;padding:2rem"><main><h1>This link is not valid</h1>` +
      `<p>The link you followed was changed or is incomplete, so we will not send you anywhere.</p>` +
      `<p>Questions? Write to ${escapeHtml(organisation.contactEmail)}.</p></main></body></html>`;
    return new Response(html, {
      status: 400,
      headers: { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(null, {
    status: 302,
    headers: {
      location: result.url,
      "cache-control": "no-store",
      "referrer-policy": "no-referrer",
    },
  });
}
