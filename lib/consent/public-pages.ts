/**
 * The only pages where a consented vendor's script may run: the home page and the policy, which
 * show no one's personal data and carry no token in their address. Everything else — the
 * account, support and admin areas, sign-in and every page opened from a mailed link — gets no
 * vendor script and a CSP that could not load one, whatever the visitor consented to: a tag
 * manager or a session recorder there would read personal data or a token off the page.
 *
 * The pages themselves live under app/(public)/(vendors)/, whose layout renders the scripts;
 * public-pages.test.ts checks that folder against this list, so the two cannot drift.
 */
export const vendorScriptPaths: readonly string[] = ["/", "/policy"];

/** Whether a page at this path may run vendor scripts (an exact match, no prefixes). */
export function mayRunVendorScripts(pathname: string): boolean {
  const path = pathname.length > 1 ? pathname.replace(/\/+$/, "") : pathname;
  return vendorScriptPaths.includes(path);
}
