import { describe, expect, it } from "vitest";
import { overdueDays } from "./labels";

describe("overdueDays", () => {
  const due = new Date("2026-11-01T10:00:00Z");
  it("counts whole days past the due time, at least one", () => {
    expect(overdueDays(due, new Date("2026-11-01T10:05:00Z"))).toBe(1);
    expect(overdueDays(due, new Date("2026-11-06T10:05:00Z"))).toBe(5);
    expect(overdueDays(due, new Date("2026-11-07T09:59:00Z"))).toBe(5);
  });
});
