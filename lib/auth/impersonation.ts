import "server-only";
import { decode, encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { authCookies, SESSION_COOKIE, SESSION_DAYS } from "./cookies";
import { authSecret } from "./secret";

/**
 * Swaps which session this browser's cookie points at — into a support view, and back to the
 * agent's own session afterwards. The cookie is the same signed next-auth JWT that sign-in
 * issues (it carries only the session id); the database row decides what it is worth.
 */
export async function setSessionCookie(sessionId: string): Promise<void> {
  // As long-lived as a sign-in's cookie, also for a view: the view's row ends it at its cap,
  // and the cookie must still name it afterwards so "End session" can bring the agent back.
  const maxAge = SESSION_DAYS * 86_400;
  const token = await encode({ token: { sid: sessionId }, secret: authSecret(), maxAge });
  (await cookies()).set(SESSION_COOKIE, token, { ...authCookies.sessionToken.options, maxAge });
}

export async function clearSessionCookie(): Promise<void> {
  (await cookies()).set(SESSION_COOKIE, "", { ...authCookies.sessionToken.options, maxAge: 0 });
}

/**
 * The session id in this browser's (signed) cookie, whether or not that session is still
 * live — ending a support view must work just after it ran out.
 */
export async function cookieSessionId(): Promise<string | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  try {
    const sid = (await decode({ token: raw, secret: authSecret() }))?.sid;
    return typeof sid === "string" && /^[0-9a-f-]{36}$/i.test(sid) ? sid : null;
  } catch {
    return null;
  }
}
