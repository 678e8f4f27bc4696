import { describe, expect, it } from "vitest";
import { formatDate, formatDateTime } from "./format";

describe("formatDateTime", () => {
  it("spells times out in UTC whatever the machine's zone", () => {
    expect(formatDateTime(new Date("2026-03-01T23:30:00Z"))).toBe("1 Mar 2026, 23:30 UTC");
    expect(formatDate("2026-03-01T23:30:00Z")).toBe("1 Mar 2026");
    expect(formatDateTime(null)).toBe("—");
  });
});
