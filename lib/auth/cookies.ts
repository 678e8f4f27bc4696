import "server-only";
import { env } from "@/lib/env";

/**
 * Secure cookies (with the __Host- prefix: HTTPS only, whole site, no Domain) whenever the app
 * is served over HTTPS in production; plain names on http://localhost in development and tests.
 */
export const secureCookies = env.NODE_ENV === "production" && env.APP_URL.startsWith("https://");

/** How long a sign-in lasts (its session row and its cookie). */
export const SESSION_DAYS = 30;

const prefix = secureCookies ? "__Host-" : "";
export const SESSION_COOKIE = `${prefix}pc.session`;

const options = { httpOnly: true, sameSite: "lax" as const, path: "/", secure: secureCookies };

/** next-auth's cookie settings, all host-only, HttpOnly and SameSite=Lax. */
export const authCookies = {
  sessionToken: { name: SESSION_COOKIE, options },
  csrfToken: { name: `${prefix}pc.csrf`, options },
  callbackUrl: { name: `${prefix}pc.callback`, options },
};
