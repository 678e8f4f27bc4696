import { z } from "zod";
import { cookieConsentMethods } from "@/lib/validation/consent";

/**
 * The one first-party functional cookie that remembers a cookie choice. It holds only a random
 * device id, the banner revision and the choices — nothing that identifies a person.
 */
export const CONSENT_COOKIE = "pc_consent";
export const CONSENT_COOKIE_MAX_AGE = 60 * 60 * 24 * 180; // ask again after six months

const stored = z.object({
  d: z.uuid(),
  r: z.number().int().min(0),
  m: z.enum(cookieConsentMethods),
  v: z.record(z.string().max(60), z.boolean()),
});

export type StoredChoice = {
  deviceId: string;
  revision: number;
  method: (typeof cookieConsentMethods)[number];
  decisions: Record<string, boolean>;
};

export function encodeChoice(choice: StoredChoice): string {
  // Plain JSON: Next's cookie API URL-encodes values itself; consentCookieLine encodes for
  // document.cookie.
  return JSON.stringify({
    d: choice.deviceId,
    r: choice.revision,
    m: choice.method,
    v: choice.decisions,
  });
}

/** The stored choice, or null for a missing or malformed cookie (treated as no choice). */
export function decodeChoice(raw: string | undefined | null): StoredChoice | null {
  if (!raw) return null;
  try {
    const json = raw.startsWith("{") ? raw : decodeURIComponent(raw);
    const parsed = stored.safeParse(JSON.parse(json));
    if (!parsed.success) return null;
    const { d, r, m, v } = parsed.data;
    return { deviceId: d, revision: r, method: m, decisions: v };
  } catch {
    return null;
  }
}

/** `document.cookie` line that stores the choice (the server sets the same on POST). */
export function consentCookieLine(choice: StoredChoice, secure: boolean): string {
  return (
    `${CONSENT_COOKIE}=${encodeURIComponent(encodeChoice(choice))}; Path=/; Max-Age=${CONSENT_COOKIE_MAX_AGE}; ` +
    `SameSite=Lax${secure ? "; Secure" : ""}`
  );
}
