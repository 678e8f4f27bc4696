/**
 * The Content-Security-Policy for one response. Scripts run only with this request's nonce or
 * from the app's own origin; no inline script runs without the nonce. Only on the public pages
 * that may run vendor scripts (lib/consent/public-pages.ts) does 'strict-dynamic' let a nonce'd
 * script load what it needs, such as a consented vendor tag; elsewhere no script from another
 * host can load at all. Styles allow inline attributes, which charts use.
 */
export function contentSecurityPolicy(
  nonce: string,
  dev: boolean,
  opts: { vendorScripts: boolean } = { vendorScripts: false },
): string {
  const dynamic = opts.vendorScripts ? " 'strict-dynamic'" : "";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dynamic}${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "frame-ancestors 'none'",
    "frame-src 'none'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
  ].join("; ");
}

/** Headers every response carries, besides the CSP. */
export function securityHeaders(opts: { hsts: boolean }): Record<string, string> {
  return {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "strict-origin-when-cross-origin",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    ...(opts.hsts ? { "Strict-Transport-Security": "max-age=63072000; includeSubDomains" } : {}),
  };
}
