import { describe, expect, it } from "vitest";
import { pgArray } from "./resolve";

describe("pgArray", () => {
  it("writes uuids, numbers, times and nulls as one array literal", () => {
    expect(
      pgArray([
        "3ee70a86-77d8-4b87-8005-e4a1bc57d2ce",
        209.75,
        -0.5,
        1e-7,
        new Date("2026-12-02T03:00:00.123Z"),
        null,
      ]),
    ).toBe("{3ee70a86-77d8-4b87-8005-e4a1bc57d2ce,209.75,-0.5,1e-7,2026-12-02T03:00:00.123Z,NULL}");
    expect(pgArray([])).toBe("{}");
  });

  it("refuses what would need quoting or is not a finite number", () => {
    expect(() => pgArray(["a,b"])).toThrow(/quoting/);
    expect(() => pgArray(['x"}'])).toThrow(/quoting/);
    expect(() => pgArray(["NULL "])).toThrow(/quoting/);
    expect(() => pgArray(["null"])).toThrow(/quoting/);
    expect(() => pgArray([Number.NaN])).toThrow(/finite/);
    expect(() => pgArray([Infinity])).toThrow(/finite/);
  });
});
