import { randomUUID } from "node:crypto";
import { accessTokens, loginEvents, sessions } from "../schema";
import { randomToken, sha256Hex } from "../../lib/crypto";
import { copyTarget, line, type SeedConn } from "./copy";
import { DAY, HOUR, MINUTE, type Clock, type Rng } from "./random";
import { BROWSERS, DOC_V4_PREFIXES, DOC_V6_PREFIX, type Browser } from "./web";

/**
 * The demo's sign-ins. The passwords are published on purpose (README, start-up log): never
 * seed demo data into a database that real people use.
 */
export const DEMO_ACCOUNTS = {
  demo: {
    email: "demo@example.com",
    password: "demo-Printer-2026!",
    role: "user",
    name: "Sanne de Vries",
  },
  agent: {
    email: "agent@example.com",
    password: "agent-Support-2026!",
    role: "agent",
    name: "Jonas Berger",
  },
  admin: {
    email: "admin@example.com",
    password: "admin-Privacy-2026!",
    role: "admin",
    name: "Femke Bakker",
  },
} as const;

/** Generated account holders (`--users N`) all share this password and this address domain. */
export const VOLUME_PASSWORD = "volume-Printer-2026!";
export const VOLUME_EMAIL_DOMAIN = "volume.example.com";

/** Where a person signs in from: a documentation-range address and the browser used there. */
export type Place = { ip: string; browser: Browser };

const browser = (device: string): Browser =>
  BROWSERS.find((b) => b.device === device) ?? (BROWSERS[0] as Browser);

export const DEMO_PLACES: Place[] = [
  { ip: "198.51.100.23", browser: browser("Firefox on Linux") },
  { ip: "203.0.113.45", browser: browser("Chrome on Windows") },
  { ip: "2001:db8:4f2a:10::1a3", browser: browser("Mobile Safari on iOS") },
  { ip: "192.0.2.77", browser: browser("Safari on macOS") },
];

/** Support staff sign in from the office. */
export const STAFF_PLACES: Place[] = [
  { ip: "203.0.113.10", browser: browser("Chrome on Windows") },
  { ip: "203.0.113.11", browser: browser("Edge on Windows") },
];

/** A handful of places for a generated user, inside the documentation ranges. */
export function randomPlaces(r: Rng, count: number): Place[] {
  return Array.from({ length: count }, (_, i) => ({
    ip:
      i === 2
        ? `${DOC_V6_PREFIX}${r.hex(4)}:${r.int(1, 255).toString(16)}::${r.hex(3)}`
        : `${r.pick(DOC_V4_PREFIXES)}${r.int(1, 254)}`,
    browser: r.pick(BROWSERS),
  }));
}

export const SESSION_COPY = copyTarget(sessions, [
  "id",
  "userId",
  "createdAt",
  "lastSeenAt",
  "expiresAt",
  "revokedAt",
  "revokedReason",
  "ip",
  "userAgent",
  "device",
]);
export const LOGIN_COPY = copyTarget(loginEvents, [
  "userId",
  "occurredAt",
  "ip",
  "userAgent",
  "outcome",
  "reason",
  "sessionId",
]);

const SESSION_DAYS = 30;

/**
 * A year of sign-in attempts, oldest first: mostly successes (each with its session), the odd
 * mistyped password, and rarely someone else guessing until the throttle stops them. Only the
 * newest `active` sessions are still open; the rest were signed out, revoked or expired.
 */
export function loginHistory(input: {
  userId: string;
  r: Rng;
  clock: Clock;
  attempts: number;
  spanDays: number;
  places: Place[];
  active: number;
  /** Times someone else tried passwords until the throttle stopped them. */
  guessing: number;
}): { sessionLines: string[]; loginLines: string[] } {
  const { r, clock, userId } = input;
  const span = input.spanDays * DAY;
  const times = Array.from({ length: input.attempts }, () => r.next() * span + 30 * MINUTE);
  times.sort((a, b) => b - a);
  const guesses = new Set(Array.from({ length: input.guessing }, () => r.int(0, times.length - 1)));
  type Attempt = { ago: number; place: Place; ok: boolean; reason: string };
  const attempts: Attempt[] = [];
  const weights = input.places.map((p, i) => [p, i === 0 ? 5 : i === 1 ? 3 : 1] as const);
  for (const [index, ago] of times.entries()) {
    const place = r.weighted(weights);
    if (guesses.has(index)) {
      // Someone else guessing from elsewhere until the throttle steps in.
      const stranger: Place = { ip: `192.0.2.${r.int(150, 250)}`, browser: r.pick(BROWSERS) };
      const wrong = r.int(3, 5);
      const tries = wrong + r.int(1, 2);
      for (let i = 0; i < tries; i++) {
        const reason = i < wrong ? "bad_password" : "throttled";
        attempts.push({ ago: ago + (tries - i) * 40_000, place: stranger, ok: false, reason });
      }
      continue;
    }
    if (r.chance(0.08)) {
      attempts.push({ ago: ago + 45_000, place, ok: false, reason: "bad_password" });
    }
    attempts.push({ ago, place, ok: true, reason: "ok" });
  }

  const successes = attempts.filter((a) => a.ok).length;
  let seen = 0;
  const sessionLines: string[] = [];
  const loginLines: string[] = [];
  for (const a of attempts) {
    let sessionId: string | null = null;
    if (a.ok) {
      seen++;
      sessionId = randomUUID();
      const isActive = successes - seen < input.active;
      const expiresAgo = a.ago - SESSION_DAYS * DAY;
      // Last seen a little after sign-in, never after expiry or in the future.
      const lastSeenFloor = Math.max(expiresAgo, 0) + MINUTE;
      let lastSeenAgo = Math.max(a.ago - r.int(5, 8 * 60) * MINUTE, lastSeenFloor);
      let revokedAgo: number | null = null;
      let reason: string | null = null;
      if (isActive) {
        lastSeenAgo = Math.min(a.ago, r.int(2, 90) * MINUTE);
      } else if (expiresAgo < 0 || r.chance(0.4)) {
        revokedAgo = lastSeenAgo;
        reason = r.chance(0.85) ? "signed_out" : "revoked_by_user";
      }
      sessionLines.push(
        line([
          sessionId,
          userId,
          clock.iso(a.ago),
          clock.iso(lastSeenAgo),
          clock.iso(expiresAgo),
          revokedAgo === null ? null : clock.iso(revokedAgo),
          reason,
          a.place.ip,
          a.place.browser.ua,
          a.place.browser.device,
        ]),
      );
    }
    loginLines.push(
      line([
        userId,
        clock.iso(a.ago),
        a.place.ip,
        a.place.browser.ua,
        a.ok ? "success" : "failure",
        a.reason,
        sessionId,
      ]),
    );
  }
  return { sessionLines, loginLines };
}

/** Writes sign-in history through COPY (sessions first: login events point at them). */
export async function writeLoginHistory(
  conn: SeedConn,
  history: { sessionLines: string[]; loginLines: string[] },
): Promise<{ sessions: number; loginEvents: number }> {
  const sessionsWritten = await conn.copy(SESSION_COPY, history.sessionLines);
  const loginsWritten = await conn.copy(LOGIN_COPY, history.loginLines);
  return { sessions: sessionsWritten, loginEvents: loginsWritten };
}

/**
 * The demo's API tokens. Secrets are generated and thrown away: only their hash and first
 * characters are stored, as the real token flow does, so nobody can use a seeded token.
 */
export async function seedAccessTokens(
  conn: SeedConn,
  userId: string,
  clock: Clock,
  printers: { name: string; createdAt?: Date }[],
): Promise<number> {
  const printer = printers[0];
  const printerAgo = printer?.createdAt ? clock.now - printer.createdAt.getTime() : 400 * DAY;
  const token = (
    name: string,
    kind: "printer" | "cura",
    scopes: string[],
    createdAgo: number,
    extra: { lastUsedAgo?: number; ip?: string; revokedAgo?: number },
  ) => {
    const secret = randomToken("pct_");
    return {
      userId,
      name,
      kind,
      scopes,
      prefix: secret.slice(0, 8),
      tokenHash: sha256Hex(secret),
      createdAt: clock.ago(createdAgo),
      lastUsedAt: extra.lastUsedAgo === undefined ? null : clock.ago(extra.lastUsedAgo),
      lastUsedIp: extra.ip ?? null,
      revokedAt: extra.revokedAgo === undefined ? null : clock.ago(extra.revokedAgo),
    };
  };
  const printerScopes = ["printers:write", "print-jobs:write"];
  const rows = [
    token("Cura on studio PC", "cura", ["cura:write", "diagnostics:write"], 210 * DAY, {
      lastUsedAgo: 3 * HOUR,
      ip: "203.0.113.45",
    }),
    token(printer?.name ?? "Workshop printer", "printer", printerScopes, printerAgo - HOUR, {
      lastUsedAgo: 4 * MINUTE,
      ip: "203.0.113.46",
    }),
    token("Cura on old laptop", "cura", ["cura:write"], 520 * DAY, {
      lastUsedAgo: 75 * DAY,
      ip: "198.51.100.23",
      revokedAgo: 41 * DAY,
    }),
  ];
  await conn.db.insert(accessTokens).values(rows);
  return rows.length;
}
