import { afterEach, describe, expect, it, vi } from "vitest";
import { CLIENT_IP_HEADER } from "./client-ip";
import { createInternalKey, INTERNAL_KEY_HEADER, stripUntrustedClientIp } from "./internal-key";

afterEach(() => vi.unstubAllEnvs());

function request(headers: Record<string, string>) {
  return new Headers({ "user-agent": "test", ...headers });
}

describe("stripUntrustedClientIp", () => {
  it("drops a client-sent address when no server.ts key exists (next start)", () => {
    vi.stubEnv("PC_INTERNAL_KEY", "");
    const h = request({ [CLIENT_IP_HEADER]: "203.0.113.66", [INTERNAL_KEY_HEADER]: "" });
    stripUntrustedClientIp(h);
    expect(h.get(CLIENT_IP_HEADER)).toBeNull();
    expect(h.get("user-agent")).toBe("test");
  });

  it("drops an address stamped with a wrong or missing key", () => {
    const key = createInternalKey();
    const wrong = request({
      [CLIENT_IP_HEADER]: "203.0.113.66",
      [INTERNAL_KEY_HEADER]: "f".repeat(64),
    });
    stripUntrustedClientIp(wrong);
    expect(wrong.get(CLIENT_IP_HEADER)).toBeNull();
    const short = request({
      [CLIENT_IP_HEADER]: "203.0.113.66",
      [INTERNAL_KEY_HEADER]: key.slice(1),
    });
    stripUntrustedClientIp(short);
    expect(short.get(CLIENT_IP_HEADER)).toBeNull();
    const none = request({ [CLIENT_IP_HEADER]: "203.0.113.66" });
    stripUntrustedClientIp(none);
    expect(none.get(CLIENT_IP_HEADER)).toBeNull();
  });

  it("keeps the address server.ts decided, and never passes the key on", () => {
    const earlier = createInternalKey();
    const key = createInternalKey();
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(key).not.toBe(earlier);
    const h = request({ [CLIENT_IP_HEADER]: "198.51.100.4", [INTERNAL_KEY_HEADER]: key });
    stripUntrustedClientIp(h);
    expect(h.get(CLIENT_IP_HEADER)).toBe("198.51.100.4");
    expect(h.get(INTERNAL_KEY_HEADER)).toBeNull();
    const stale = request({ [CLIENT_IP_HEADER]: "198.51.100.4", [INTERNAL_KEY_HEADER]: earlier });
    stripUntrustedClientIp(stale);
    expect(stale.get(CLIENT_IP_HEADER)).toBeNull();
  });
});
