import { describe, expect, it } from "vitest";
import { apiV1Schemas, jsonShapeWithin, PAYLOAD_MAX_DEPTH } from "./api-v1";

const nested = (levels: number) => {
  let value: unknown = 1;
  for (let i = 1; i < levels; i++) value = { a: value };
  return value;
};

describe("jsonShapeWithin", () => {
  it("measures depth exactly: the limit passes, one level more does not", () => {
    expect(jsonShapeWithin(nested(PAYLOAD_MAX_DEPTH), PAYLOAD_MAX_DEPTH, 1_000)).toBe(true);
    expect(jsonShapeWithin(nested(PAYLOAD_MAX_DEPTH + 1), PAYLOAD_MAX_DEPTH, 1_000)).toBe(false);
  });

  it("measures ten thousand levels without overflowing the stack", () => {
    expect(jsonShapeWithin(nested(10_000), PAYLOAD_MAX_DEPTH, 100_000)).toBe(false);
  });

  it("counts values in arrays and objects alike", () => {
    expect(jsonShapeWithin({ a: [1, 2, 3] }, 5, 5)).toBe(true);
    expect(jsonShapeWithin({ a: [1, 2, 3, 4] }, 5, 5)).toBe(false);
    expect(jsonShapeWithin(null, 1, 1)).toBe(true);
  });
});

describe("a diagnostics bundle", () => {
  const { diagnostic } = apiV1Schemas({
    printers: 730,
    printJobs: 1095,
    cura: 730,
    diagnostics: 548,
  });
  const bundle = (payload: unknown) => ({
    kind: "crash_report",
    source: "printer:S5-1",
    summary: "Crashed",
    payload,
  });

  it("is refused, naming the payload, when nested too deep, instead of crashing the server", () => {
    const result = diagnostic.safeParse(bundle({ deep: nested(10_000) }));
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path).toEqual(["payload"]);
    expect(diagnostic.safeParse(bundle({ deep: nested(5) })).success).toBe(true);
  });
});
