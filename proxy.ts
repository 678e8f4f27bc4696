import { NextResponse, type NextRequest } from "next/server";
import { mayRunVendorScripts } from "@/lib/consent/public-pages";
import { stripUntrustedClientIp } from "@/lib/net/internal-key";
import { contentSecurityPolicy, securityHeaders } from "@/lib/security-headers";

/**
 * Runs before every request: sets the CSP with a fresh nonce and the other security headers,
 * and tells pages their own path (for "sign in, then come back"). It may send a visitor without
 * any session cookie from /account to the sign-in page, but only for comfort: it never decides
 * access. Every page, action and route checks the session itself through lib/auth.
 * It also drops the client address header unless server.ts provably set it (lib/net/internal-key),
 * so no server in front of the app can make it believe an address the client sent.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  // eslint-disable-next-line no-restricted-properties -- inlined by Next at build time
  const dev = process.env.NODE_ENV === "development";
  const csp = contentSecurityPolicy(nonce, dev, {
    vendorScripts: mayRunVendorScripts(request.nextUrl.pathname),
  });

  const requestHeaders = new Headers(request.headers);
  stripUntrustedClientIp(requestHeaders);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-pc-path", request.nextUrl.pathname + request.nextUrl.search);

  const { pathname } = request.nextUrl;
  const hasSessionCookie = request.cookies.getAll().some((c) => c.name.endsWith("pc.session"));
  const response =
    pathname.startsWith("/account") && !hasSessionCookie
      ? NextResponse.redirect(new URL(`/sign-in?next=${encodeURIComponent(pathname)}`, request.url))
      : NextResponse.next({ request: { headers: requestHeaders } });

  response.headers.set("Content-Security-Policy", csp);
  // Browsers ignore HSTS received over plain HTTP, so production can always send it.
  for (const [name, value] of Object.entries(securityHeaders({ hsts: !dev }))) {
    response.headers.set(name, value);
  }
  return response;
}

export const config = {
  matcher: [{ source: "/((?!_next/static|_next/image|favicon.ico).*)" }],
};
