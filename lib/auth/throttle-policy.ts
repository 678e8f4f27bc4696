/**
 * How failed sign-ins slow an attacker down. Counters live in the database (auth_throttle), so
 * every app instance applies the same limits. Keys are hashed: "account:<email>" (known or not,
 * so a block reveals nothing about whether an account exists) and "ip:<address>".
 */
export const THROTTLE_WINDOW_MS = 60 * 60 * 1000;

type Limits = { freeFailures: number; baseDelayMs: number; maxDelayMs: number; hardCap: number };

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
