import "server-only";
import type { AuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { authenticate } from "@/lib/dal/auth";
import { signOutSession } from "@/lib/dal/support/impersonation";
import { signInSchema } from "@/lib/validation/auth";
import { authCookies, secureCookies, SESSION_DAYS } from "@/lib/auth/cookies";
import { requestMetaFrom } from "@/lib/auth/request";
import { authSecret } from "@/lib/auth/secret";

/** Sign-in error codes the sign-in form turns into messages. */
export function signInErrorCode(result: Awaited<ReturnType<typeof authenticate>>): string {
  if (result.ok) return "";
  return result.reason === "throttled"
    ? `throttled:${result.retryAt.toISOString()}`
    : result.reason;
}

/**
 * next-auth's configuration. It lives in the data layer because signing in and out are data
 * operations; lib/auth stays pure (cookies, passwords, policies) and imports nothing from here.
 *
 * next-auth, used for what it is good at: the credentials sign-in flow with CSRF protection and
 * a signed session cookie. The cookie holds only our session id; lib/dal/session.ts checks
 * that row on every request, so sessions can be revoked.
 */
export function authOptions(): AuthOptions {
  return {
    secret: authSecret(),
    session: { strategy: "jwt", maxAge: SESSION_DAYS * 86_400 },
    useSecureCookies: secureCookies,
    cookies: authCookies,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    providers: [
      CredentialsProvider({
        name: "Email and password",
        credentials: { email: { type: "email" }, password: { type: "password" } },
        async authorize(credentials, req) {
          const parsed = signInSchema.safeParse(credentials ?? {});
          if (!parsed.success) throw new Error("invalid");
          const result = await authenticate({ ...parsed.data, ...requestMetaFrom(req.headers) });
          if (!result.ok) throw new Error(signInErrorCode(result));
          return { id: result.userId, sid: result.sessionId };
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) return { sub: user.id, sid: (user as { sid?: string }).sid };
        return token;
      },
      // The browser never needs the session id: it only learns when the session expires.
      session({ session }) {
        return { expires: session.expires };
      },
    },
    events: {
      // next-auth's own /api/auth/signout ends the session exactly as the app's button does
      // (a support view included: lib/dal/support/impersonation.ts).
      async signOut({ token }) {
        if (typeof token?.sid === "string") await signOutSession(token.sid);
      },
    },
  };
}
