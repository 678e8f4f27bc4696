import "server-only";
import { headers } from "next/headers";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";

/** Who is on the other end of this request: the IP decided by server.ts, and the user agent. */
export async function getRequestMeta(): Promise<{ ip: string | null; userAgent: string | null }> {
  const h = await headers();
  return { ip: h.get(CLIENT_IP_HEADER), userAgent: h.get("user-agent")?.slice(0, 512) ?? null };
}

export function requestMetaFrom(h: Record<string, unknown> | undefined) {
  const pick = (name: string) => {
    const v = h?.[name];
    return typeof v === "string" && v ? v : null;
  };
  return { ip: pick(CLIENT_IP_HEADER), userAgent: pick("user-agent")?.slice(0, 512) ?? null };
}
