import { UAParser } from "ua-parser-js";

/** "Firefox 131 on Linux" — what a person recognises in a list of devices. */
export function describeUserAgent(userAgent: string | null | undefined): string {
  if (!userAgent) return "Unknown device";
  const { browser, os, device } = new UAParser(userAgent).getResult();
  const name = browser.name ? `${browser.name}${browser.major ? ` ${browser.major}` : ""}` : "";
  const system = os.name ?? device.model ?? "";
  if (name && system) return `${name} on ${system}`;
  return name || system || "Unknown device";
}

/** The client IP with the host part zeroed: /24 for IPv4, /48 for IPv6. */
export function truncateIp(ip: string | null | undefined): string | null {
  if (!ip) return null;
  if (ip.includes(".")) {
    const parts = ip.split(".");
    return parts.length === 4 ? `${parts.slice(0, 3).join(".")}.0` : null;
  }
  const groups = ip.split("::")[0]!.split(":").filter(Boolean);
  return `${groups.slice(0, 3).join(":")}::`;
}
