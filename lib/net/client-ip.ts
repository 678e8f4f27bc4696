import { BlockList, isIP } from "node:net";

/** The request header, set only by server.ts, that carries the client address we decided on. */
export const CLIENT_IP_HEADER = "x-pc-client-ip";

export function normaliseIp(address: string | undefined): string | undefined {
  if (!address) return undefined;
  const trimmed = address.trim().replace(/^\[|\]$/g, "");
  const v4mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(trimmed);
  const ip = v4mapped ? v4mapped[1]! : trimmed;
  return isIP(ip) ? ip : undefined;
}

/** Parses TRUSTED_PROXIES: comma-separated addresses and CIDR ranges, IPv4 or IPv6. */
export function parseTrustedProxies(list: string): BlockList {
  const blocks = new BlockList();
  for (const raw of list
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)) {
    const [address, bits] = raw.split("/");
    const ip = normaliseIp(address);
    if (!ip) throw new Error(`TRUSTED_PROXIES: "${raw}" is not an IP address or CIDR range`);
    const family = isIP(ip) === 6 ? "ipv6" : "ipv4";
    if (bits === undefined) blocks.addAddress(ip, family);
    else {
      const prefix = Number(bits);
      const max = family === "ipv6" ? 128 : 32;
      if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) {
        throw new Error(`TRUSTED_PROXIES: "${raw}" has an invalid prefix length`);
      }
      blocks.addSubnet(ip, prefix, family);
    }
  }
  return blocks;
}

function isTrusted(trusted: BlockList, ip: string): boolean {
  return trusted.check(ip, isIP(ip) === 6 ? "ipv6" : "ipv4");
}

/** Whether a connection's address is one of TRUSTED_PROXIES (e.g. to take its X-Request-Id). */
export function isTrustedProxy(trusted: BlockList, socketAddress: string | undefined): boolean {
  const socket = normaliseIp(socketAddress);
  return !!socket && isTrusted(trusted, socket);
}

/**
 * The client's address. X-Forwarded-For is believed only when the connection comes from a
 * trusted proxy, and then only as far as the chain of trusted proxies goes: reading from the
 * right, the first address that is not a trusted proxy is the client.
 */
export function resolveClientIp(
  socketAddress: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: BlockList,
): string | undefined {
  const socket = normaliseIp(socketAddress);
  if (!socket || !isTrusted(trusted, socket) || !forwardedFor) return socket;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor)
    .split(",")
    .map((h) => normaliseIp(h));
  let client = socket;
  for (let i = hops.length - 1; i >= 0; i--) {
    const hop = hops[i];
    if (!hop) break; // garbage in the header: stop at the last address we could trust
    client = hop;
    if (!isTrusted(trusted, hop)) break;
  }
  return client;
}

/**
 * The address the per-IP throttle counts against. One IPv6 customer usually holds a whole /64
 * (and can pick any address in it), so an IPv6 client is keyed by its /64; an IPv4 client by its
 * address. Returns undefined for something that is not an IP address.
 */
export function throttleIpKey(address: string | undefined | null): string | undefined {
  const ip = normaliseIp(address ?? undefined);
  if (!ip || isIP(ip) === 4) return ip;
  return `${expandIpv6(ip).slice(0, 4).join(":")}::/64`;
}

/** The eight 16-bit groups of an IPv6 address, lower-case without leading zeros. */
function expandIpv6(ip: string): string[] {
  let text = ip.toLowerCase().replace(/%.*$/, "");
  // A trailing dotted quad (::ffff:1.2.3.4 forms other than v4-mapped) becomes two groups.
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = "", tail] = text.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...fill, ...right].map((g) => parseInt(g, 16).toString(16));
}
