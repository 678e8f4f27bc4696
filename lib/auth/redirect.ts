/**
 * Where to send someone after signing in. A `next` from the URL is accepted only if, resolved the
 * way a browser would resolve it against our own origin, it stays on that origin: browsers drop
 * tabs and newlines and read "\" as "/", so "/\t/evil.example" or "/\\evil.example" is really
 * "//evil.example", another site. What comes back is rebuilt from the parsed URL (path, query,
 * fragment), never the raw input, so no control character reaches a Location header.
 */
export const DEFAULT_AFTER_SIGN_IN = "/account";

// Any fixed origin works: only whether the result stays on it matters, not which one it is.
const BASE = "http://app.invalid";

export function safeNextPath(value: unknown): string {
  if (typeof value !== "string" || !value.startsWith("/")) return DEFAULT_AFTER_SIGN_IN;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return DEFAULT_AFTER_SIGN_IN;
  }
  if (url.origin !== BASE) return DEFAULT_AFTER_SIGN_IN;
  // "/.//evil" resolves to the path "//evil", which a browser reads as another host.
  if (url.pathname.startsWith("//")) return DEFAULT_AFTER_SIGN_IN;
  return `${url.pathname}${url.search}${url.hash}`;
}
