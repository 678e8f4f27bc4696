import { CLIENT_IP_HEADER } from "./client-ip";

/**
 * Proof that a request passed through server.ts in this very process. server.ts decides the
 * client address and puts it in x-pc-client-ip; a client can send that header too, and `next
 * start` (or any other server) would pass it on untouched. So server.ts also stamps each request
 * with a random per-process key that no client can know, and proxy.ts drops x-pc-client-ip from
 * every request that lacks it — whatever server runs the app.
 */
export const INTERNAL_KEY_HEADER = "x-pc-internal-key";
const KEY_VARIABLE = "PC_INTERNAL_KEY";

/** server.ts, before Next.js loads: makes the key and hands it to the proxy through the process. */
export function createInternalKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  const key = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  // eslint-disable-next-line no-restricted-properties -- process-internal hand-over, not configuration
  process.env[KEY_VARIABLE] = key;
  return key;
}

/** The key server.ts made, or undefined when something else (e.g. `next start`) runs the app. */
export function internalKey(): string | undefined {
  // eslint-disable-next-line no-restricted-properties -- process-internal hand-over, not configuration
  return process.env[KEY_VARIABLE] || undefined;
}

/**
 * proxy.ts: removes the key from the request (pages never see it) and, unless it proved the
 * request came through server.ts, the client address too — so the app then knows no address
 * rather than believing one the client chose.
 */
export function stripUntrustedClientIp(headers: Headers): void {
  const sent = headers.get(INTERNAL_KEY_HEADER);
  headers.delete(INTERNAL_KEY_HEADER);
  const key = internalKey();
  if (!key || !sent || !constantTimeEqual(key, sent)) headers.delete(CLIENT_IP_HEADER);
}

function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}
