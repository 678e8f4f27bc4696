import { describe, expect, it } from "vitest";
import { toPgParam } from "./queue-database";

describe("toPgParam (what node-postgres would send, for pg-boss)", () => {
  it("sends arrays as array literals, quoting and escaping each item", () => {
    expect(toPgParam(["a", 'b"c', "d\\e"])).toBe('{"a","b\\"c","d\\\\e"}');
    expect(toPgParam([1, null, [2]])).toBe('{"1",NULL,{"2"}}');
  });
  it("sends objects as JSON, dates as ISO text, scalars as text, nothing as null", () => {
    expect(toPgParam({ a: 1, b: [true] })).toBe('{"a":1,"b":[true]}');
    expect(toPgParam(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05.000Z");
    expect(toPgParam(3)).toBe("3");
    expect(toPgParam(false)).toBe("false");
    expect(toPgParam(undefined)).toBeNull();
    expect(toPgParam(null)).toBeNull();
  });
});
