import { describe, expect, it } from "vitest";
import {
  ACCOUNT_LIMITS,
  blockedUntil,
  IP_LIMITS,
  MAIL_ADDRESS_LIMITS,
  MAIL_IP_LIMITS,
  recordFailure,
  refundFailure,
  THROTTLE_WINDOW_MS,
  type Limits,
  type ThrottleState,
} from "./throttle-policy";

// Expectations are literal numbers: a test that read them from the constants it checks would
// pass whatever the constants said (a 1-second window, a cap of 10,000).
const t0 = new Date("2026-01-01T00:00:00Z");
const at = (ms: number) => new Date(t0.getTime() + ms);
const HOUR = 3_600_000;

function fail(limits: Limits, times: number, start?: ThrottleState, now = t0) {
  let s = start;
  for (let i = 0; i < times; i++) s = recordFailure(s, limits, now);
  return s!;
}
const delayAfter = (limits: Limits, times: number) =>
  (fail(limits, times).blockedUntil?.getTime() ?? t0.getTime()) - t0.getTime();

describe("the limits themselves", () => {
  it("are an hour's window, 5 free account failures and 20 per IP", () => {
    expect(THROTTLE_WINDOW_MS).toBe(3_600_000);
    expect(ACCOUNT_LIMITS).toEqual({
      freeFailures: 5,
      baseDelayMs: 15_000,
      maxDelayMs: 900_000,
      hardCap: 100,
    });
    expect(IP_LIMITS).toEqual({
      freeFailures: 20,
      baseDelayMs: 10_000,
      maxDelayMs: 900_000,
      hardCap: 500,
    });
    expect(MAIL_ADDRESS_LIMITS).toEqual({
      freeFailures: 3,
      baseDelayMs: 600_000,
      maxDelayMs: 3_600_000,
      hardCap: 10,
    });
    expect(MAIL_IP_LIMITS).toEqual({
      freeFailures: 10,
      baseDelayMs: 600_000,
      maxDelayMs: 3_600_000,
      hardCap: 50,
    });
  });
});

describe("sign-in throttle policy (account)", () => {
  it("lets 4 failures through and blocks at the 5th", () => {
    const four = fail(ACCOUNT_LIMITS, 4);
    expect(four).toEqual({ failures: 4, windowStartedAt: t0, blockedUntil: null });
    expect(blockedUntil(four, t0)).toBeNull();
    const five = fail(ACCOUNT_LIMITS, 5);
    expect(five).toEqual({ failures: 5, windowStartedAt: t0, blockedUntil: at(15_000) });
    expect(blockedUntil(five, t0)).toEqual(at(15_000));
  });

  it("doubles the delay: 15 s, 30 s, 60 s, 120 s …", () => {
    expect([5, 6, 7, 8, 9].map((n) => delayAfter(ACCOUNT_LIMITS, n))).toEqual([
      15_000, 30_000, 60_000, 120_000, 240_000,
    ]);
  });

  it("never delays more than 15 minutes before the hard cap", () => {
    expect(delayAfter(ACCOUNT_LIMITS, 11)).toBe(900_000); // 15 s × 2^6 = 16 min, capped
    expect(delayAfter(ACCOUNT_LIMITS, 99)).toBe(900_000);
  });

  it("stops everything at 100 failures until the hour is over", () => {
    const s = fail(ACCOUNT_LIMITS, 100, undefined, at(60_000));
    // The window began at the first failure, a minute in; the block ends an hour after that.
    expect(s.failures).toBe(100);
    expect(s.blockedUntil).toEqual(at(60_000 + HOUR));
  });

  it("keeps counting inside the hour and starts afresh after it", () => {
    const s = fail(ACCOUNT_LIMITS, 3);
    const inside = recordFailure(s, ACCOUNT_LIMITS, at(HOUR - 1));
    expect(inside).toEqual({ failures: 4, windowStartedAt: t0, blockedUntil: null });
    const after = recordFailure(fail(ACCOUNT_LIMITS, 100), ACCOUNT_LIMITS, at(HOUR));
    expect(after).toEqual({ failures: 1, windowStartedAt: at(HOUR), blockedUntil: null });
  });

  it("releases a block the millisecond it ends, not before", () => {
    const five = fail(ACCOUNT_LIMITS, 5);
    expect(blockedUntil(five, at(14_999))).toEqual(at(15_000));
    expect(blockedUntil(five, at(15_000))).toBeNull();
    expect(blockedUntil(undefined, t0)).toBeNull();
    expect(blockedUntil({ failures: 9, windowStartedAt: t0, blockedUntil: null }, t0)).toBeNull();
  });
});

describe("sign-in throttle policy (IP)", () => {
  it("lets 19 failures through, then 10 s, 20 s …, and 500 stops the hour", () => {
    expect(fail(IP_LIMITS, 19).blockedUntil).toBeNull();
    expect([20, 21, 22].map((n) => delayAfter(IP_LIMITS, n))).toEqual([10_000, 20_000, 40_000]);
    expect(delayAfter(IP_LIMITS, 499)).toBe(900_000);
    expect(fail(IP_LIMITS, 500).blockedUntil).toEqual(at(HOUR));
  });
});

describe("mail requests", () => {
  it("send 3 mails to one address, then wait 10 min, 20 min, 40 min, an hour", () => {
    expect(fail(MAIL_ADDRESS_LIMITS, 2).blockedUntil).toBeNull();
    expect([3, 4, 5, 6, 9].map((n) => delayAfter(MAIL_ADDRESS_LIMITS, n))).toEqual([
      600_000, 1_200_000, 2_400_000, 3_600_000, 3_600_000,
    ]);
    expect(fail(MAIL_ADDRESS_LIMITS, 10).blockedUntil).toEqual(at(HOUR));
  });

  it("allow 10 from one IP before the first wait", () => {
    expect(fail(MAIL_IP_LIMITS, 9).blockedUntil).toBeNull();
    expect(delayAfter(MAIL_IP_LIMITS, 10)).toBe(600_000);
    expect(fail(MAIL_IP_LIMITS, 50).blockedUntil).toEqual(at(HOUR));
  });
});

describe("refundFailure", () => {
  it("gives one attempt back and lifts a block the attempt alone caused", () => {
    const five = fail(ACCOUNT_LIMITS, 5);
    expect(refundFailure(five, ACCOUNT_LIMITS)).toEqual({
      failures: 4,
      windowStartedAt: t0,
      blockedUntil: null,
    });
  });

  it("keeps a block the other failures earned, and never counts below zero", () => {
    const six = fail(ACCOUNT_LIMITS, 6);
    expect(refundFailure(six, ACCOUNT_LIMITS)).toEqual({
      failures: 5,
      windowStartedAt: t0,
      blockedUntil: at(30_000),
    });
    const none = { failures: 0, windowStartedAt: t0, blockedUntil: null };
    expect(refundFailure(none, ACCOUNT_LIMITS)).toEqual(none);
  });
});
