import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LIMITS,
  blockedUntil,
  recordFailure,
  THROTTLE_WINDOW_MS,
  type ThrottleState,
} from "./throttle-policy";

const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);

function fail(times: number, start?: ThrottleState, now = t0): ThrottleState | undefined {
  let s = start;
  for (let i = 0; i < times; i++) s = recordFailure(s, ACCOUNT_LIMITS, now);
  return s;
}

describe("sign-in throttle policy", () => {
  it("lets the first few failures through", () => {
    const s = fail(ACCOUNT_LIMITS.freeFailures - 1);
    expect(blockedUntil(s, t0)).toBeNull();
  });

  it("blocks with growing delays after that", () => {
    const first = fail(ACCOUNT_LIMITS.freeFailures)!;
    const second = recordFailure(first, ACCOUNT_LIMITS, t0);
    const d1 = first.blockedUntil!.getTime() - t0.getTime();
    const d2 = second.blockedUntil!.getTime() - t0.getTime();
    expect(d1).toBe(ACCOUNT_LIMITS.baseDelayMs);
    expect(d2).toBe(2 * d1);
    expect(blockedUntil(first, at(d1 + 1))).toBeNull(); // and releases
  });

  it("never delays more than the maximum before the hard cap", () => {
    const s = fail(ACCOUNT_LIMITS.hardCap - 1)!;
    expect(s.blockedUntil!.getTime() - t0.getTime()).toBe(ACCOUNT_LIMITS.maxDelayMs);
  });

  it("stops everything at the hard cap until the hour is over", () => {
    const s = fail(ACCOUNT_LIMITS.hardCap)!;
    expect(s.blockedUntil).toEqual(at(THROTTLE_WINDOW_MS));
  });

  it("starts a new window after an hour", () => {
    const s = fail(ACCOUNT_LIMITS.hardCap)!;
    const later = recordFailure(s, ACCOUNT_LIMITS, at(THROTTLE_WINDOW_MS + 1));
    expect(later.failures).toBe(1);
    expect(later.blockedUntil).toBeNull();
  });
});
