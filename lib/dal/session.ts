import "server-only";
import { decode } from "next-auth/jwt";
import { cookies, headers } from "next/headers";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getLiveSession, type SessionContext } from "@/lib/dal/auth";
import { recordImpersonatedRequest, recordRefusedWrite } from "@/lib/dal/support/staff-events";
import { SESSION_COOKIE } from "@/lib/auth/cookies";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";
import { getPendingErasureOf } from "@/lib/dal/erasure/pending";
import { ErasureScheduledError } from "@/lib/errors";
import { formatLongDateTime } from "@/lib/format";
import { authSecret } from "@/lib/auth/secret";
import { safeNextPath } from "@/lib/auth/redirect";

export type { SessionContext };
export type CurrentUser = SessionContext["user"];
type Role = CurrentUser["role"];

/** The live session this request's signed cookie names, or null (revoked, expired, tampered). */
async function sessionFromCookie(): Promise<SessionContext | null> {
  const raw = (await cookies()).get(SESSION_COOKIE)?.value;
  if (!raw) return null;
  let sid: unknown;
  try {
    sid = (await decode({ token: raw, secret: authSecret() }))?.sid;
  } catch {
    return null; // tampered or signed with another secret
  }
  if (typeof sid !== "string" || !/^[0-9a-f-]{36}$/i.test(sid)) return null;
  return getLiveSession(sid);
}

/**
 * The session behind this request's cookie, checked against the database (once per request,
 * thanks to React's cache). A revoked or expired session reads as signed out.
 */
export const getCurrentSession = cache(async (): Promise<SessionContext | null> => {
  const session = await sessionFromCookie();
  // Every request an impersonating agent makes is recorded, so the holder sees what was looked at.
  // Here rather than in a layout, because layouts do not re-render on client navigation.
  if (session?.impersonatorId) await recordImpersonatedRequest(session.sessionId, await headers());
  return session;
});

/** What the site header shows for a session: no personal data, only which links apply. */
export type HeaderState = {
  signedIn: boolean;
  /** Staff links, only in a staff member's own session (never inside a support view). */
  staff: "agent" | "admin" | null;
  /** A support view: its banner's "End session" is the way out, not "Sign out". */
  supportView: boolean;
};

export function headerStateOf(session: SessionContext | null): HeaderState {
  const role = session && !session.impersonatorId ? session.user.role : null;
  return {
    signedIn: session !== null,
    staff: role === "agent" || role === "admin" ? role : null,
    supportView: Boolean(session?.impersonatorId),
  };
}

/**
 * The header's state for the session's real state now, asked again by the header on every
 * client navigation (the root layout is not re-rendered then). It serves none of the holder's
 * data, so in a support view it is not a page view.
 */
export async function getHeaderState(): Promise<HeaderState> {
  return headerStateOf(await sessionFromCookie());
}

export async function getCurrentUser(): Promise<CurrentUser | null> {
  return (await getCurrentSession())?.user ?? null;
}

/** The signed-in session, or a redirect to the sign-in page (which brings the visitor back). */
export async function requireSession(): Promise<SessionContext> {
  const session = await getCurrentSession();
  if (session) return session;
  const path = (await headers()).get("x-pc-path");
  redirect(`/sign-in?next=${encodeURIComponent(safeNextPath(path))}`);
}

export async function requireUser(): Promise<CurrentUser> {
  return (await requireSession()).user;
}

const rank: Record<Role, number> = { user: 0, agent: 1, admin: 2 };

/**
 * A staff page or action. Admins may do what agents do. Anyone else gets "not found", which
 * does not even confirm that the page exists.
 */
export async function requireRole(role: "agent" | "admin"): Promise<CurrentUser> {
  const session = await requireSession();
  if (session.impersonatorId || rank[session.user.role] < rank[role]) notFound();
  return session.user;
}

/** Sensitive actions need the password entered within the last `minutes` (sign-in counts). */
export async function requireRecentAuth(minutes = 10): Promise<SessionContext> {
  const session = await requireSession();
  const last = session.reauthenticatedAt ?? session.createdAt;
  if (Date.now() - last.getTime() > minutes * 60_000) throw new ReauthRequiredError();
  return session;
}

/**
 * What an account scheduled for erasure may still do during its grace period: keep the account,
 * download its data (and confirm the password for either), and shut out an intruder.
 */
export const ALLOWED_DURING_ERASURE_GRACE: ReadonlySet<string> = new Set([
  "erasure.cancel",
  "export.request",
  "auth.reauthenticate",
  "session.revoke",
  "auth.reported_not_me",
  "profile.language",
]);

/**
 * Every mutation calls this: a read-only (impersonated) session may change nothing. `action`
 * names the attempt (an audit-style name, e.g. "profile.update") in the "refused" entry that
 * the user sees on their staff-access page. An account scheduled for erasure may do only what
 * ALLOWED_DURING_ERASURE_GRACE lists until the date (an unnamed action is refused too).
 */
export async function requireWritable(action?: string): Promise<SessionContext> {
  const session = await requireSession();
  if (session.readOnly) {
    if (session.impersonatorId)
      await recordRefusedWrite(session.sessionId, await headers(), action);
    throw new ReadOnlyError();
  }
  if (!action || !ALLOWED_DURING_ERASURE_GRACE.has(action)) {
    const pending = await getPendingErasureOf(session.user.id);
    if (pending)
      throw new ErasureScheduledError(
        formatLongDateTime(pending.scheduledFor),
        pending.scheduledFor,
      );
  }
  return session;
}

/**
 * The signed-in account holder's own language, for lib/i18n/server.ts; null when signed out,
 * for staff, or in a support view (the agent reads the holder's pages in the agent's browser language). Reads the
 * cookie without recording a page view: the language is not a look at the holder's data.
 */
export const getAccountLanguage = cache(async (): Promise<"en" | "nl" | null> => {
  const session = await sessionFromCookie();
  // Staff consoles follow the browser (the switcher's cookie, else Accept-Language): a staff
  // account is shared by no one, but its screens are a work tool, and a choice made in one
  // browser should not change the language of the same account's other sessions.
  if (!session || session.impersonatorId || session.user.role !== "user") return null;
  return session.user.language;
});
