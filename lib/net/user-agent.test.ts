import { describe, expect, it } from "vitest";
import { describeUserAgent, truncateIp } from "./user-agent";

describe("describeUserAgent", () => {
  it("names browser and system", () => {
    const firefox = "Mozilla/5.0 (X11; Linux x86_64; rv:131.0) Gecko/20100101 Firefox/131.0";
    expect(describeUserAgent(firefox)).toBe("Firefox 131 on Linux");
    const safari =
      "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.5 Mobile/15E148 Safari/604.1";
    expect(describeUserAgent(safari)).toBe("Mobile Safari 17 on iOS");
  });

  it("says so when it cannot tell", () => {
    expect(describeUserAgent(undefined)).toBe("Unknown device");
    expect(describeUserAgent("curl/8.5.0")).toMatch(/curl|Unknown/);
  });
});

describe("truncateIp", () => {
  it("zeroes the host part", () => {
    expect(truncateIp("203.0.113.77")).toBe("203.0.113.0");
    expect(truncateIp("2001:db8:85a3:8d3:1319:8a2e:370:7348")).toBe("2001:db8:85a3::");
    expect(truncateIp("2001:db8::1")).toBe("2001:db8::");
    expect(truncateIp(null)).toBeNull();
  });
});
