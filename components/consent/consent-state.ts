import "server-only";
import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { cache } from "react";
import { CONSENT_COOKIE, decodeChoice, type StoredChoice } from "@/lib/consent/cookie";
import { effectiveDecisions } from "@/lib/consent/decisions";
import { getMyLatestCookieChoice } from "@/lib/dal/consent";
import { organisation } from "@/lib/organisation";

/**
 * This request's cookie choice, read once per request (the banner and the vendor scripts of a
 * public page both need it): the browser's own, else a signed-in user's latest one for the
 * current banner revision, which `adopt` asks the browser to store.
 */
export const readConsent = cache(async () => {
  const revision = organisation.cookieBannerRevision;
  const gpc = (await headers()).get("sec-gpc") === "1";
  const local = decodeChoice((await cookies()).get(CONSENT_COOKIE)?.value);

  let choice: StoredChoice | null = local;
  let adopt: StoredChoice | null = null;
  if (!local) {
    // A signed-in user's latest choice follows them to a browser that has none yet.
    const latest = await getMyLatestCookieChoice();
    if (latest && latest.revision === revision) {
      choice = adopt = { deviceId: randomUUID(), ...latest };
    }
  }
  const effective = effectiveDecisions(choice, { revision, gpc });
  return { revision, gpc, choice, adopt, effective };
});
