import { googleConsentState, scriptsToLoad } from "@/lib/consent/decisions";
import { LeaveByFullLoad } from "./leave-by-full-load";
import { readConsent } from "./consent-state";

const attr = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * The vendor scripts the visitor granted for the current banner revision, each with the CSP
 * nonce, preceded by the Consent Mode defaults. Rendered only by the layout of the public pages
 * (app/(public)/(vendors)); without a choice only the defaults (which contact no one) render.
 *
 * They travel as HTML inside a hidden element: the browser's parser runs them while the page
 * loads, in document order (defer keeps the Consent Mode defaults first). React never creates a
 * <script> element itself, so it does not warn ("Encountered a script tag while rendering React
 * component"); after a client-side navigation it only sets the HTML, which runs nothing, as
 * React's own script elements never ran either. Hydration leaves the element as it is.
 */
export async function VendorScripts({ nonce }: { nonce: string | undefined }) {
  const { effective } = await readConsent();
  const scripts = [...new Map(scriptsToLoad(effective).map((v) => [v.scriptUrl, v])).values()];

  const consentJs =
    "window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments);}" +
    `gtag('consent','default',${JSON.stringify(googleConsentState(null))});` +
    (effective ? `gtag('consent','update',${JSON.stringify(googleConsentState(effective))});` : "");
  const n = nonce ? ` nonce="${attr(nonce)}"` : "";
  const html =
    // Consent Mode v2 (basic): defaults denied before any Google tag can run.
    `<script${n}>${consentJs.replace(/</g, "\\u003c")}</script>` +
    scripts
      .map(
        (v) =>
          `<script src="${attr(v.scriptUrl!)}"${n} defer data-vendor="${attr(v.id)}"></script>`,
      )
      .join("");

  return (
    <>
      <div hidden suppressHydrationWarning dangerouslySetInnerHTML={{ __html: html }} />
      {scripts.length > 0 && <LeaveByFullLoad />}
    </>
  );
}
