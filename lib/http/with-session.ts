import "server-only";
import {
  getCurrentSession,
  requireRecentAuth,
  requireWritable,
  type SessionContext,
} from "@/lib/dal/session";
import { CrossSiteError, problemResponse, SignedOutError } from "@/lib/errors";

export type WithSessionOptions = {
  /** The session must be able to write; a string names the attempt in the support log. */
  writable?: string | boolean;
  /** The password must have been entered within this many minutes (step-up). */
  recentAuthMinutes?: number;
  /**
   * Only this site's own pages may make the request: it has side effects, and a cross-site
   * link or form would otherwise ride on the visitor's cookie (SameSite=Lax lets a top-level
   * GET navigation through).
   */
  sameOrigin?: boolean;
  /** What a signed-out visitor is told. */
  signedOutMessage?: string;
};

/**
 * Refuses a request another site started. Browsers tell us in `Sec-Fetch-Site` (sent on every
 * request over HTTPS and to localhost); `Origin`, when sent, must be ours. A request that
 * carries neither comes from no browser, so no other site's page can have caused it.
 */
export function assertSameOrigin(request: Request): void {
  const site = request.headers.get("sec-fetch-site");
  if (site !== null && site !== "same-origin") throw new CrossSiteError();
  const origin = request.headers.get("origin");
  if (origin === null) return;
  const host = request.headers.get("host");
  let theirs: URL | null = null;
  try {
    theirs = new URL(origin);
  } catch {
    // "null" (a sandboxed frame or a cross-site redirect) or garbage: not us.
  }
  const ours = new URL(request.url);
  const same =
    theirs !== null && (theirs.origin === ours.origin || (host !== null && theirs.host === host));
  if (!same) throw new CrossSiteError();
}

/**
 * A route handler whose refusals (AppErrors, thrown by it or by the DAL it calls) are answered
 * as RFC 9457 problem+json; anything else propagates. For public routes; withSession adds the
 * session checks.
 */
export function withProblems<Context = unknown>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    try {
      return await handler(request, context);
    } catch (error) {
      return problemResponse(error);
    }
  };
}

/**
 * The guard preamble of a route handler, once: same-origin check (when asked), a live session,
 * then write and step-up checks. Every refusal, from here or from the handler and the DAL it
 * calls, is answered as RFC 9457 problem+json (lib/errors.ts); anything else propagates.
 */
export function withSession<Context = unknown>(
  handler: (request: Request, session: SessionContext, context: Context) => Promise<Response>,
  options: WithSessionOptions = {},
): (request: Request, context: Context) => Promise<Response> {
  return withProblems<Context>(async (request, context) => {
    if (options.sameOrigin) assertSameOrigin(request);
    const session = await getCurrentSession();
    if (!session) throw new SignedOutError(options.signedOutMessage);
    if (options.writable) {
      await requireWritable(typeof options.writable === "string" ? options.writable : undefined);
    }
    if (options.recentAuthMinutes !== undefined) {
      await requireRecentAuth(options.recentAuthMinutes);
    }
    return handler(request, session, context);
  });
}
