import { describe, expect, it } from "vitest";
import { MAX_MICROS, parseCursor } from "./cursor";
import { pageParams } from "./search-params";

const UUID = "0f8fad5b-d9cb-469f-a165-70867728950e";
const T = "1732851010123456";

describe("parseCursor", () => {
  it("reads well-formed cursors of either id kind, canonically", () => {
    expect(parseCursor(`${T}_42`)).toEqual({ micros: T, id: "42" });
    expect(parseCursor(`${T}_42`, "bigint")).toEqual({ micros: T, id: "42" });
    expect(parseCursor(`${T}_${UUID}`, "uuid")).toEqual({ micros: T, id: UUID });
    expect(parseCursor(`0_0`)).toEqual({ micros: "0", id: "0" });
    expect(parseCursor(`${MAX_MICROS}_9223372036854775807`)).toEqual({
      micros: "253402300799999999",
      id: "9223372036854775807",
    });
    expect(parseCursor(`00${T}_007`)).toEqual({ micros: T, id: "7" });
  });

  it.each([
    ["20 digits and no id (the attacker's value)", "99999999999999999999"],
    ["a time of 20 digits", "99999999999999999999_1"],
    ["a time of 19 digits", "9999999999999999999_1"],
    ["one microsecond past 9999-12-31", "253402300800000000_1"],
    ["an id of 20 digits", `${T}_99999999999999999999`],
    ["an id one past bigint", `${T}_9223372036854775808`],
    ["36 dashes for a uuid", `${T}_------------------------------------`],
    ["a uuid without dashes, padded", `${T}_0f8fad5bd9cb469fa16570867728950e0000`],
    ["a uuid with its dashes moved", `${T}_0f8fad5bd-9cb-469f-a165-70867728950e`],
    ["a uuid with a non-hex letter", `${T}_0f8fad5b-d9cb-469f-a165-70867728950g`],
    ["a uuid in braces", `${T}_{${UUID}}`],
    ["a negative time", `-1_1`],
    ["a negative id", `${T}_-1`],
    ["an exponent", `1e3_1`],
    ["a decimal time", `1.5_1`],
    ["a hex time", `0x10_1`],
    ["spaces", ` ${T}_1`],
    ["a trailing newline", `${T}_1\n`],
    ["a NUL byte", `${T}_1\u0000`],
    ["full-width digits", `１２３_1`],
    ["SQL", `${T}_1' or '1'='1`],
    ["two separators", `${T}_1_2`],
    ["an empty string", ""],
    ["undefined", undefined],
  ])("refuses %s", (_, value) => {
    expect(parseCursor(value)).toBeNull();
  });

  it("refuses an id of the other kind when the list's kind is given", () => {
    expect(parseCursor(`${T}_${UUID}`, "bigint")).toBeNull();
    expect(parseCursor(`${T}_42`, "uuid")).toBeNull();
  });
});

describe("pageParams", () => {
  it("keeps well-formed cursors, after over before", () => {
    expect(pageParams({ after: `${T}_42` })).toEqual({ after: `${T}_42` });
    expect(pageParams({ before: `${T}_${UUID.toUpperCase()}` })).toEqual({
      before: `${T}_${UUID}`,
    });
    expect(pageParams({ after: `${T}_1`, before: `${T}_2` })).toEqual({ after: `${T}_1` });
    expect(pageParams({ after: "junk", before: `${T}_2` })).toEqual({ before: `${T}_2` });
  });

  it("drops junk, repeated parameters and missing ones: the first page", () => {
    expect(pageParams({})).toEqual({});
    expect(pageParams({ after: "99999999999999999999" })).toEqual({});
    expect(pageParams({ after: "99999999999999999999_1", before: "x" })).toEqual({});
    expect(pageParams({ after: [`${T}_1`, `${T}_2`] })).toEqual({});
    expect(pageParams({ status: "finished" })).toEqual({});
  });
});
