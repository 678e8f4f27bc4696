import { describe, expect, it } from "vitest";
import {
  addDays,
  dueAtFor,
  isOpen,
  isOverdue,
  latestExtendedDueAt,
  newRequestReference,
  overdueDays,
  REFERENCE_PATTERN,
} from "./clock";

describe("request clock", () => {
  const received = new Date("2026-03-01T10:00:00Z");

  it("is due the configured number of days after receipt", () => {
    expect(dueAtFor(received, 30).toISOString()).toBe("2026-03-31T10:00:00.000Z");
    expect(dueAtFor(received, 1).toISOString()).toBe("2026-03-02T10:00:00.000Z");
  });

  it("lets one extension reach at most the original due date plus the maximum", () => {
    const due = dueAtFor(received, 30);
    expect(latestExtendedDueAt(due, 61).toISOString()).toBe("2026-05-31T10:00:00.000Z");
    expect(latestExtendedDueAt(due, 0).getTime()).toBe(due.getTime());
  });

  it("adds fractional days", () => {
    expect(addDays(received, 0.5).toISOString()).toBe("2026-03-01T22:00:00.000Z");
  });

  it("is overdue only while open and strictly past the due date", () => {
    const dueAt = new Date("2026-03-31T10:00:00Z");
    const after = new Date("2026-03-31T10:00:00.001Z");
    expect(isOverdue({ status: "received", dueAt }, after)).toBe(true);
    expect(isOverdue({ status: "extended", dueAt }, after)).toBe(true);
    expect(isOverdue({ status: "in_progress", dueAt }, dueAt)).toBe(false);
    for (const closed of ["completed", "denied", "cancelled"]) {
      expect(isOpen(closed)).toBe(false);
      expect(isOverdue({ status: closed, dueAt }, after)).toBe(false);
    }
  });

  it("makes references that are easy to read aloud and rarely repeat", () => {
    const refs = new Set(Array.from({ length: 2_000 }, newRequestReference));
    expect(refs.size).toBeGreaterThan(1_990);
    for (const r of refs) {
      expect(r).toMatch(REFERENCE_PATTERN);
      expect(r).not.toMatch(/[01OIL]/);
    }
  });
});

describe("overdueDays", () => {
  const due = new Date("2026-11-01T10:00:00Z");
  it("counts whole days past the due time, at least one", () => {
    expect(overdueDays(due, new Date("2026-11-01T10:05:00Z"))).toBe(1);
    expect(overdueDays(due, new Date("2026-11-06T10:05:00Z"))).toBe(5);
    expect(overdueDays(due, new Date("2026-11-07T09:59:00Z"))).toBe(5);
  });
});
