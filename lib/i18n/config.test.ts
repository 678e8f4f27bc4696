import { describe, expect, it } from "vitest";
import { negotiateLocale, validTimeZone } from "./config";

describe("negotiateLocale", () => {
  it("picks Dutch for a Dutch or Flemish browser", () => {
    expect(negotiateLocale("nl-NL,nl;q=0.9,en;q=0.8")).toBe("nl");
    expect(negotiateLocale("nl-BE")).toBe("nl");
  });
  it("ranks by quality, then by order", () => {
    expect(negotiateLocale("de;q=1,en;q=0.5,nl;q=0.7")).toBe("nl");
    expect(negotiateLocale("en-GB,nl")).toBe("en");
    expect(negotiateLocale("fr, nl;q=0.1")).toBe("nl");
  });
  it("falls back to English for nothing, nonsense or refused languages", () => {
    expect(negotiateLocale(undefined)).toBe("en");
    expect(negotiateLocale("")).toBe("en");
    expect(negotiateLocale("de-DE,fr")).toBe("en");
    expect(negotiateLocale("nl;q=0")).toBe("en");
    expect(negotiateLocale(";;;,q=x")).toBe("en");
  });
});

describe("validTimeZone", () => {
  it("accepts zones the runtime knows and nothing else", () => {
    expect(validTimeZone("Europe/Amsterdam")).toBe("Europe/Amsterdam");
    expect(validTimeZone("UTC")).toBe("UTC");
    expect(validTimeZone("Mars/Olympus")).toBeNull();
    expect(validTimeZone("<script>")).toBeNull();
    expect(validTimeZone(42)).toBeNull();
  });
});
