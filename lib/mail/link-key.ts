import "server-only";
import { authSecret } from "@/lib/auth/secret";
import { deriveLinkKey } from "./link-tokens";

/** The key for signed email links. All instances share AUTH_SECRET, so any one can verify. */
export function emailLinkKey(): Buffer {
  return deriveLinkKey(authSecret());
}
