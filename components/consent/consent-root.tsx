import { randomUUID } from "node:crypto";
import { cookies, headers } from "next/headers";
import { cookieCategoryInfo, cookieVendors } from "@/lib/catalog/vendors";
import { CONSENT_COOKIE, decodeChoice, type StoredChoice } from "@/lib/consent/cookie";
import { effectiveDecisions, googleConsentState, scriptsToLoad } from "@/lib/consent/decisions";
import { getMyLatestCookieChoice } from "@/lib/dal/consent";
import { organisation } from "@/lib/organisation";
import { CookieBanner, type BannerVendor } from "./cookie-banner";

/**
 * Decides on the server, per request, which vendor scripts this page may load: only those the
 * visitor granted for the current banner revision, each with the CSP nonce. Without a choice
 * nothing but the Consent Mode defaults (an inline script that contacts no one) is rendered.
 */
export async function ConsentRoot({ nonce }: { nonce: string | undefined }) {
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
  const scripts = [...new Map(scriptsToLoad(effective).map((v) => [v.scriptUrl, v])).values()];

  const consentJs =
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}" +
    `gtag('consent','default',${JSON.stringify(googleConsentState(null))});` +
    (effective ? `gtag('consent','update',${JSON.stringify(googleConsentState(effective))});` : "");

  const vendors: BannerVendor[] = cookieVendors.map((v) => ({
    id: v.id,
    name: v.name,
    company: v.company,
    category: v.category,
    purpose: v.purpose,
    cookies: v.cookies,
    retired: v.retired?.note ?? null,
  }));

  return (
    <>
      {/* Consent Mode v2 (basic): defaults denied before any Google tag can run. */}
      <script
        nonce={nonce}
        suppressHydrationWarning
        dangerouslySetInnerHTML={{ __html: consentJs }}
      />
      {scripts.map((v) => (
        // defer keeps document order, so the Consent Mode script above always runs first.
        <script
          key={v.id}
          src={v.scriptUrl}
          nonce={nonce}
          defer
          suppressHydrationWarning
          data-vendor={v.id}
        />
      ))}
      <CookieBanner
        revision={revision}
        deviceId={choice?.deviceId ?? null}
        current={effective}
        hasChoice={effective !== null}
        gpcHeader={gpc}
        adopt={adopt}
        vendors={vendors}
        categories={cookieCategoryInfo}
      />
    </>
  );
}
