import { googleConsentState, scriptsToLoad } from "@/lib/consent/decisions";
import { LeaveByFullLoad } from "./leave-by-full-load";
import { readConsent } from "./consent-state";

/**
 * The vendor scripts the visitor granted for the current banner revision, each with the CSP
 * nonce, preceded by the Consent Mode defaults. Rendered only by the layout of the public pages
 * (app/(public)/(vendors)); without a choice only the defaults (which contact no one) render.
 */
export async function VendorScripts({ nonce }: { nonce: string | undefined }) {
  const { effective } = await readConsent();
  const scripts = [...new Map(scriptsToLoad(effective).map((v) => [v.scriptUrl, v])).values()];

  const consentJs =
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}" +
    `gtag('consent','default',${JSON.stringify(googleConsentState(null))});` +
    (effective ? `gtag('consent','update',${JSON.stringify(googleConsentState(effective))});` : "");

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
      {scripts.length > 0 && <LeaveByFullLoad />}
    </>
  );
}
