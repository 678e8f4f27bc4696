import { describe, expect, it } from "vitest";
import { consentCookieLine, decodeChoice, encodeChoice, type StoredChoice } from "./cookie";

const choice: StoredChoice = {
  deviceId: "3f0c8a8e-2b1e-4c8e-9a52-0f3c2d9e7b11",
  revision: 2,
  method: "custom",
  decisions: { hotjar: true, "bing-uet": false },
};

describe("consent cookie", () => {
  it("round-trips plain and URL-encoded", () => {
    expect(decodeChoice(encodeChoice(choice))).toEqual(choice);
    expect(decodeChoice(encodeURIComponent(encodeChoice(choice)))).toEqual(choice);
  });

  it("holds only the device id, revision, method and choices", () => {
    expect(Object.keys(JSON.parse(encodeChoice(choice)))).toEqual(["d", "r", "m", "v"]);
  });

  it("reads junk, a wrong device id or an unknown method as no choice", () => {
    expect(decodeChoice("not json")).toBeNull();
    expect(decodeChoice(encodeChoice({ ...choice, deviceId: "me@example.com" }))).toBeNull();
    expect(decodeChoice(JSON.stringify({ d: choice.deviceId, r: 1, m: "sure", v: {} }))).toBeNull();
    expect(decodeChoice(undefined)).toBeNull();
  });

  it("writes a first-party cookie line for document.cookie", () => {
    const line = consentCookieLine(choice, true);
    expect(line).toMatch(/^pc_consent=%7B.*; Path=\/; Max-Age=\d+; SameSite=Lax; Secure$/);
  });
});
