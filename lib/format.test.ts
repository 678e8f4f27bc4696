import { describe, expect, it } from "vitest";
import {
  formatDate,
  formatDateTime,
  formatDayMonth,
  formatDuration,
  formatLongDateTime,
  formatTime,
  formatTimeAgo,
} from "./format";

describe("formatDateTime", () => {
  it("spells times out in UTC whatever the machine's zone", () => {
    expect(formatDateTime(new Date("2026-03-01T23:30:00Z"))).toBe("1 Mar 2026, 23:30 UTC");
    expect(formatDate("2026-03-01T23:30:00Z")).toBe("1 Mar 2026");
    expect(formatDateTime(null)).toBe("—");
  });

  it("writes every month and pads hours, minutes and seconds", () => {
    const months = Array.from(
      { length: 12 },
      (_, m) => formatDate(Date.UTC(2026, m, 9, 3, 4, 5)).split(" ")[1],
    );
    expect(months.join(" ")).toBe("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec");
    expect(formatDateTime("2026-09-09T03:04:05Z")).toBe("9 Sep 2026, 03:04 UTC");
    expect(formatTime("2026-09-09T03:04:05Z")).toBe("03:04:05 UTC");
    expect(formatDayMonth("2026-12-31T23:59:59Z")).toBe("31 Dec");
    expect(formatLongDateTime(new Date("2024-03-05T14:07:00Z"))).toBe("5 March 2024 at 14:07 UTC");
    expect(formatLongDateTime("2024-09-30T00:00:00Z")).toBe("30 September 2024 at 00:00 UTC");
  });

  it("gives the same text in any process time zone (the UTC day, not the local one)", () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = "Pacific/Auckland";
      expect(formatDateTime("2026-03-01T23:30:00Z")).toBe("1 Mar 2026, 23:30 UTC");
      expect(formatDate("2026-03-01T23:30:00Z")).toBe("1 Mar 2026");
      process.env.TZ = "America/Los_Angeles";
      expect(formatDate("2026-03-02T01:00:00Z")).toBe("2 Mar 2026");
    } finally {
      process.env.TZ = before;
    }
  });

  it("shows a dash for no date or a date that does not parse", () => {
    for (const f of [formatDate, formatDateTime, formatTime, formatDayMonth, formatLongDateTime]) {
      expect(f(undefined)).toBe("—");
      expect(f("")).toBe("—");
      expect(f("not a date")).toBe("—");
    }
  });
});

describe("formatTimeAgo", () => {
  const now = new Date("2026-12-02T12:00:00Z");
  const ago = (ms: number) => formatTimeAgo(new Date(now.getTime() - ms), now);

  it("rounds down to the largest whole unit", () => {
    expect(ago(0)).toBe("just now");
    expect(ago(59_999)).toBe("just now");
    expect(ago(60_000)).toBe("1 minute ago");
    expect(ago(119_999)).toBe("1 minute ago");
    expect(ago(120_000)).toBe("2 minutes ago");
    expect(ago(3_600_000 - 1)).toBe("59 minutes ago");
    expect(ago(3_600_000)).toBe("1 hour ago");
    expect(ago(86_400_000 * 2 + 5)).toBe("2 days ago");
    expect(ago(86_400_000 * 45)).toBe("1 month ago");
    expect(ago(86_400_000 * 800)).toBe("2 years ago");
  });

  it("says so for a time after now, and a dash for no date", () => {
    expect(ago(-1_000)).toBe("in the future");
    expect(formatTimeAgo(null, now)).toBe("—");
    expect(formatTimeAgo("not a date", now)).toBe("—");
  });
});

describe("in the viewer's zone and language", () => {
  const late = new Date("2026-03-01T23:30:05Z");
  it("shows Amsterdam's clock (next day) without the UTC label, and Dutch month names", () => {
    const ams = { timeZone: "Europe/Amsterdam" } as const;
    expect(formatDateTime(late, ams)).toBe("2 Mar 2026, 00:30");
    expect(formatDateTime(late, { ...ams, locale: "nl" })).toBe("2 mrt 2026, 00:30");
    expect(formatDate(late, { ...ams, locale: "nl" })).toBe("2 mrt 2026");
    expect(formatTime(late, ams)).toBe("00:30:05");
    expect(formatLongDateTime(late, { locale: "nl" })).toBe("1 maart 2026 om 23:30 UTC");
  });
  it("follows daylight saving time", () => {
    expect(formatDateTime("2026-07-01T12:00:00Z", { timeZone: "Europe/Amsterdam" })).toBe(
      "1 Jul 2026, 14:00",
    );
    expect(formatDateTime("2026-07-01T12:00:00Z", { timeZone: "Pacific/Auckland" })).toBe(
      "2 Jul 2026, 00:00",
    );
  });
  it("says how long ago in Dutch", () => {
    const now = new Date("2026-03-02T02:30:05Z");
    expect(formatTimeAgo(late, now, { locale: "nl" })).toBe("3 uur geleden");
    expect(formatTimeAgo(now, now, { locale: "nl" })).toBe("zojuist");
  });
});

describe("formatDuration", () => {
  it("uses two units at most, as a person says it", () => {
    expect(formatDuration(45)).toBe("45 s");
    expect(formatDuration(720)).toBe("12 min");
    expect(formatDuration(10_876)).toBe("3 h 1 min");
    expect(formatDuration(10_800, { locale: "nl" })).toBe("3 u");
    expect(formatDuration(2 * 86_400 + 4 * 3_600 + 59)).toBe("2 d 4 h");
    expect(formatDuration(-1)).toBe("—");
    expect(formatDuration(null)).toBe("—");
  });
});
