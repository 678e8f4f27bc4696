import { createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";

/**
 * Signed tokens for the links in mail: the pixel, rewritten click links, the unsubscribe link
 * and the tracker of a request made without an account. The payload is readable (it is not secret) but cannot be changed: the HMAC
 * covers it, so a click token redirects only to the URL it was issued for.
 */
const payload = z.discriminatedUnion("k", [
  z.object({ k: z.literal("open"), u: z.uuid(), c: z.string().max(60) }),
  z.object({
    k: z.literal("click"),
    u: z.uuid(),
    c: z.string().max(60),
    url: z.url({ protocol: /^https?$/ }),
  }),
  z.object({ k: z.literal("unsub"), u: z.uuid() }),
  // "Keep my account": cancels the erasure request r of user u while it is still pending.
  z.object({ k: z.literal("keep"), u: z.uuid(), r: z.uuid() }),
  // The tracker of a request made without an account (/requests/track/<token>): r is its id.
  z.object({ k: z.literal("track"), r: z.uuid() }),
]);
export type LinkPayload = z.infer<typeof payload>;

function mac(key: Buffer, body: string): Buffer {
  return createHmac("sha256", key).update(body).digest();
}

export function signLinkToken(key: Buffer, data: LinkPayload): string {
  const body = Buffer.from(JSON.stringify(data)).toString("base64url");
  return `${body}.${mac(key, body).toString("base64url")}`;
}

/** The payload if the token is intact and of the expected kind, else null. */
export function verifyLinkToken<K extends LinkPayload["k"]>(
  key: Buffer,
  token: string,
  kind: K,
): Extract<LinkPayload, { k: K }> | null {
  if (token.length > 4000) return null;
  const [body, sig, extra] = token.split(".");
  if (!body || !sig || extra !== undefined) return null;
  const expected = mac(key, body);
  const given = Buffer.from(sig, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payload.safeParse(JSON.parse(Buffer.from(body, "base64url").toString("utf8")));
    if (!parsed.success || parsed.data.k !== kind) return null;
    return parsed.data as Extract<LinkPayload, { k: K }>;
  } catch {
    return null;
  }
}

/** The signing key, derived from the app secret so it never equals the session key itself. */
export function deriveLinkKey(secret: string): Buffer {
  return createHmac("sha256", secret).update("privacy-center/email-links/v1").digest();
}
