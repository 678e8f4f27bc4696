/**
 * How failed sign-ins slow an attacker down. Counters live in the database (auth_throttle), so
 * every app instance applies the same limits. Keys are hashed: "account:<email>" (known or not,
 * so a block reveals nothing about whether an account exists) and "ip:<address>". Every attempt
 * is counted before its password is checked (lib/dal/throttle.ts), so the free failures are a
 * hard budget even for a parallel burst; a right password gives its attempt back.
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;

export type Limits = {
  freeFailures: number;
  baseDelayMs: number;
  maxDelayMs: number;
  hardCap: number;
};

export const ACCOUNT_LIMITS: Limits = {
  freeFailures: 5,
  baseDelayMs: 15_000,
  maxDelayMs: 15 * 60_000,
  // No more than 100 failures per account per hour, whatever the delays allow.
  hardCap: 100,
};

export const IP_LIMITS: Limits = {
  freeFailures: 20,
  baseDelayMs: 10_000,
  maxDelayMs: 15 * 60_000,
  hardCap: 500,
};

export type ThrottleState = { failures: number; windowStartedAt: Date; blockedUntil: Date | null };

/** The state after one more failure at `now`. */
export function recordFailure(
  state: ThrottleState | undefined,
  limits: Limits,
  now: Date,
): ThrottleState {
  const windowOpen = state && now.getTime() - state.windowStartedAt.getTime() < THROTTLE_WINDOW_MS;
  const failures = windowOpen ? state.failures + 1 : 1;
  const windowStartedAt = windowOpen ? state.windowStartedAt : now;
  let blockedUntil: Date | null = null;
  if (failures >= limits.hardCap) {
    blockedUntil = new Date(windowStartedAt.getTime() + THROTTLE_WINDOW_MS);
  } else if (failures >= limits.freeFailures) {
    // Doubling delays: 15 s, 30 s, 1 min, … up to the maximum.
    const exponent = Math.min(failures - limits.freeFailures, 20);
    const delay = Math.min(limits.baseDelayMs * 2 ** exponent, limits.maxDelayMs);
    blockedUntil = new Date(now.getTime() + delay);
  }
  return { failures, windowStartedAt, blockedUntil };
}

/** When the caller may try again, or null if they may try now. */
export function blockedUntil(state: ThrottleState | undefined, now: Date): Date | null {
  if (!state?.blockedUntil) return null;
  return state.blockedUntil.getTime() > now.getTime() ? state.blockedUntil : null;
}

/**
 * Mail that anyone can make us send (sign-up, forgot password) is limited per target address
 * and per IP: the free "failures" here are requests, and each one is counted.
 */
export const MAIL_ADDRESS_LIMITS: Limits = {
  freeFailures: 3,
  baseDelayMs: 10 * 60_000,
  maxDelayMs: 60 * 60_000,
  hardCap: 10,
};

export const MAIL_IP_LIMITS: Limits = {
  freeFailures: 10,
  baseDelayMs: 10 * 60_000,
  maxDelayMs: 60 * 60_000,
  hardCap: 50,
};

/**
 * The state after an attempt counted in advance turned out right: the count goes back down,
 * and a block that this count alone caused is lifted.
 */
export function refundFailure(state: ThrottleState, limits: Limits): ThrottleState {
  const failures = Math.max(state.failures - 1, 0);
  return {
    failures,
    windowStartedAt: state.windowStartedAt,
    blockedUntil: failures < limits.freeFailures ? null : state.blockedUntil,
  };
}

/**
 * Privacy requests and messages on them, per account (or, without one, per request). Each one
 * lands in a person's queue and mails the requester, so a script must not file hundreds: ten
 * requests an hour pass freely, then each waits longer. Counted as uses, not failures.
 */
export const REQUEST_FILING_LIMITS: Limits = {
  freeFailures: 10,
  baseDelayMs: 5 * 60_000,
  maxDelayMs: 60 * 60_000,
  hardCap: 30,
};

export const REQUEST_MESSAGE_LIMITS: Limits = {
  freeFailures: 20,
  baseDelayMs: 60_000,
  maxDelayMs: 30 * 60_000,
  hardCap: 60,
};

/** Access tokens: a holder makes a few; twenty an hour pass freely, then each waits. */
export const TOKEN_CREATION_LIMITS: Limits = {
  freeFailures: 20,
  baseDelayMs: 5 * 60_000,
  maxDelayMs: 60 * 60_000,
  hardCap: 50,
};
