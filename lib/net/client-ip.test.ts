import { describe, expect, it } from "vitest";
import { parseTrustedProxies, resolveClientIp, throttleIpKey } from "./client-ip";

describe("resolveClientIp", () => {
  const trusted = parseTrustedProxies("10.0.0.0/8, 192.0.2.10, 2001:db8:ffff::/48");

  it("uses the socket address when the peer is not a trusted proxy", () => {
    expect(resolveClientIp("203.0.113.7", "198.51.100.1", trusted)).toBe("203.0.113.7");
  });

  it("believes X-Forwarded-For from a trusted proxy", () => {
    expect(resolveClientIp("10.1.2.3", "198.51.100.1", trusted)).toBe("198.51.100.1");
  });

  it("skips a chain of trusted proxies but not a spoofed left-most entry", () => {
    expect(resolveClientIp("10.1.2.3", "6.6.6.6, 198.51.100.1, 192.0.2.10", trusted)).toBe(
      "198.51.100.1",
    );
  });

  it("stops at garbage in the header", () => {
    expect(resolveClientIp("10.1.2.3", "not-an-ip, 198.51.100.1", trusted)).toBe("198.51.100.1");
    expect(resolveClientIp("10.1.2.3", "198.51.100.1, nonsense", trusted)).toBe("10.1.2.3");
  });

  it("unwraps IPv4-mapped IPv6 and handles IPv6 proxies", () => {
    expect(resolveClientIp("::ffff:203.0.113.9", undefined, trusted)).toBe("203.0.113.9");
    expect(resolveClientIp("2001:db8:ffff::1", "2001:db8::42", trusted)).toBe("2001:db8::42");
  });

  it("trusts nothing when no proxies are configured", () => {
    expect(resolveClientIp("127.0.0.1", "198.51.100.1", parseTrustedProxies(""))).toBe("127.0.0.1");
  });

  it("rejects a malformed TRUSTED_PROXIES entry with a message naming it", () => {
    expect(() => parseTrustedProxies("10.0.0.0/99")).toThrow(/10.0.0.0\/99/);
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/proxy.local/);
  });
});

describe("throttleIpKey", () => {
  it("keys an IPv4 client by its address", () => {
    expect(throttleIpKey("203.0.113.7")).toBe("203.0.113.7");
    expect(throttleIpKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("keys every address of one IPv6 /64 the same, and another /64 differently", () => {
    expect(throttleIpKey("2001:db8:1:2::1")).toBe("2001:db8:1:2::/64");
    expect(throttleIpKey("2001:0DB8:0001:0002:ffff:eeee:dddd:cccc")).toBe("2001:db8:1:2::/64");
    expect(throttleIpKey("[2001:db8:1:2:3::9]")).toBe("2001:db8:1:2::/64");
    expect(throttleIpKey("2001:db8:1:3::1")).toBe("2001:db8:1:3::/64");
    expect(throttleIpKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(throttleIpKey("::1")).toBe("0:0:0:0::/64");
    expect(throttleIpKey("fe80::1:2:3:4")).toBe("fe80:0:0:0::/64");
    expect(throttleIpKey("64:ff9b::192.0.2.33")).toBe("64:ff9b:0:0::/64");
  });

  it("gives nothing for something that is not an address", () => {
    expect(throttleIpKey("not-an-ip")).toBeUndefined();
    expect(throttleIpKey("")).toBeUndefined();
    expect(throttleIpKey(null)).toBeUndefined();
  });
});
