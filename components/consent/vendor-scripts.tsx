import Script from "next/script";
import { googleConsentState, scriptsToLoad } from "@/lib/consent/decisions";
import { LeaveByFullLoad } from "./leave-by-full-load";
import { readConsent } from "./consent-state";

/**
 * The vendor scripts the visitor granted for the current banner revision, each with the CSP
 * nonce, preceded by the Consent Mode defaults. Rendered only by the layout of the public pages
 * (app/(public)/(vendors)); without a choice only the defaults (which contact no one) render.
 *
 * next/script inserts them after hydration, in the order given here (so Consent Mode's defaults
 * always run before any tag). A plain <script> element in the React tree would be rendered by
 * React on the client too, which never runs it and warns on every render ("Encountered a script
 * tag while rendering React component").
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
      <Script
        id="consent-mode"
        nonce={nonce}
        strategy="afterInteractive"
        dangerouslySetInnerHTML={{ __html: consentJs }}
      />
      {scripts.map((v) => (
        <Script
          key={v.id}
          id={`vendor-${v.id}`}
          src={v.scriptUrl!}
          nonce={nonce}
          strategy="afterInteractive"
          data-vendor={v.id}
        />
      ))}
      {scripts.length > 0 && <LeaveByFullLoad />}
    </>
  );
}
