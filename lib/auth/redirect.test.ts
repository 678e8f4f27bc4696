import { describe, expect, it } from "vitest";
import { safeNextPath } from "./redirect";

describe("safeNextPath", () => {
  it.each([
    ["/account", "/account"],
    ["/account/data/print-jobs?page=2#top", "/account/data/print-jobs?page=2#top"],
    ["/", "/"],
    ["/account/%2F%2Fevil.example", "/account/%2F%2Fevil.example"],
    ["/%2F%2Fevil.example", "/%2F%2Fevil.example"],
    // Controls are dropped by the URL parser, so the answer never carries a raw newline.
    ["/acc\nount", "/account"],
    ["/acc\r\nount", "/account"],
    ["/a b", "/a%20b"],
  ])("keeps the same-origin path %j as %j", (input, expected) => {
    expect(safeNextPath(input)).toBe(expected);
  });

  it.each([
    "/\t/evil.example",
    "/\n/evil.example",
    "/\r/evil.example",
    "/\r\n/evil.example",
    "//evil.example",
    "//evil.example/account",
    "/\\evil.example",
    "/\\/evil.example",
    "\\\\evil.example",
    "/.//evil.example",
    "/..//evil.example",
    "/a/../..//evil.example",
    "https://evil.example/account",
    "http://app.invalid/account",
    "javascript:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "account",
    " /account",
    "",
  ])("sends %j to /account", (input) => {
    expect(safeNextPath(input)).toBe("/account");
  });

  it.each([undefined, null, 42, ["/account/data"], { next: "/x" }])(
    "treats the non-string %j as absent",
    (input) => {
      expect(safeNextPath(input)).toBe("/account");
    },
  );
});
