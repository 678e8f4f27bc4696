"use client";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CookieCategory, VendorCookie } from "@/lib/catalog/vendors";
import { clearCookies } from "@/lib/consent/clear-cookies";
import { consentCookieLine, type StoredChoice } from "@/lib/consent/cookie";
import { decisionsFor, grantsAdvertising } from "@/lib/consent/decisions";
import type { CookieConsentMethod } from "@/lib/validation/consent";
import { OPEN_COOKIE_SETTINGS } from "./cookie-settings-button";
import { VendorChoices } from "./vendor-choices";

export type BannerVendor = {
  id: string;
  name: string;
  company: string;
  category: CookieCategory;
  purpose: string;
  cookies: VendorCookie[];
  retired: string | null;
};

type View = "first" | "choose" | "confirm-gpc";

const noSubscribe = () => () => {};
const readBrowserGpc = () =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

// The three first-layer choices look alike on purpose: none is nudged.
const choiceButton =
  "inline-flex min-h-10 flex-1 items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60";

/** The cookie banner and cookie settings: a dialog that records every choice on the server. */
export function CookieBanner(props: {
  revision: number;
  deviceId: string | null;
  current: Record<string, boolean> | null;
  hasChoice: boolean;
  gpcHeader: boolean;
  adopt: StoredChoice | null;
  vendors: BannerVendor[];
  categories: Record<CookieCategory, { title: string; description: string }>;
}) {
  const { revision, current, hasChoice, adopt } = props;
  const [open, setOpen] = useState(!hasChoice);
  const [view, setView] = useState<View>("first");
  const browserGpc = useSyncExternalStore(noSubscribe, readBrowserGpc, () => false);
  const gpc = props.gpcHeader || browserGpc;
  const [draft, setDraft] = useState<Record<string, boolean>>(
    current ?? decisionsFor("reject_all", false),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (adopt) document.cookie = consentCookieLine(adopt, location.protocol === "https:");
    const show = () => {
      setView("first");
      setOpen(true);
    };
    window.addEventListener(OPEN_COOKIE_SETTINGS, show);
    return () => window.removeEventListener(OPEN_COOKIE_SETTINGS, show);
  }, [adopt]);

  useEffect(() => {
    if (open) heading.current?.focus();
  }, [open, view]);

  async function save(method: CookieConsentMethod, decisions: Record<string, boolean>) {
    setBusy(true);
    setError(null);
    const deviceId = props.deviceId ?? crypto.randomUUID();
    const language = document.documentElement.lang === "nl" ? "nl" : "en";
    const response = await fetch("/api/consent", {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ deviceId, revision, method, decisions, language }),
    }).catch(() => null);
    if (!response?.ok) {
      // A refusal is problem+json whose `detail` says why (e.g. a support view may not choose).
      const problem = (await response?.json().catch(() => null)) as { detail?: string } | null;
      setBusy(false);
      setError(problem?.detail ?? "Your choice could not be saved. Please try again.");
      return;
    }
    const { clear } = (await response.json()) as { clear: string[] };
    clearCookies(clear);
    // A fresh page load renders exactly the scripts the new choice allows, and no others.
    location.reload();
  }

  const acceptAll = () => save(gpc ? "gpc" : "accept_all", decisionsFor("accept_all", gpc));
  const rejectAll = () => save("reject_all", decisionsFor("reject_all", false));
  function saveCustom(confirmedOverride = false) {
    if (gpc && grantsAdvertising(draft) && !confirmedOverride) return setView("confirm-gpc");
    const revoked = current && Object.keys(current).some((id) => current[id] && !draft[id]);
    const added = Object.keys(draft).some((id) => draft[id] && !current?.[id]);
    const method = confirmedOverride ? "gpc_override" : revoked && !added ? "withdraw" : "custom";
    return save(method, draft);
  }

  function onKeyDown(e: React.KeyboardEvent) {
    if (e.key !== "Escape") return;
    // Escape is never a choice: it steps back, or closes settings when a choice already stands.
    if (view !== "first") setView(view === "confirm-gpc" ? "choose" : "first");
    else if (hasChoice) setOpen(false);
  }

  if (!open) return null;
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="cookie-banner-title"
      onKeyDown={onKeyDown}
      // In the page flow, above the header: it never covers what the visitor came for, so the
      // page stays usable while they decide (and deciding later changes nothing meanwhile).
      className="border-b-2 border-brand-700 bg-brand-50"
    >
      <div className="mx-auto max-w-3xl space-y-3 px-4 py-4 sm:px-6">
        <h2
          id="cookie-banner-title"
          ref={heading}
          tabIndex={-1}
          className="text-lg font-semibold outline-none"
        >
          {view === "confirm-gpc"
            ? "Allow advertising despite your browser's signal?"
            : "Cookies on this site"}
        </h2>
        {gpc && (
          <p
            role="status"
            className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
          >
            Your browser asked us not to sell or share your personal data (Global Privacy Control),
            so advertising cookies stay off unless you turn them on yourself.
          </p>
        )}
        {error && (
          <p role="alert" className="text-sm text-red-700">
            {error}
          </p>
        )}
        {view === "first" && (
          <>
            <p className="text-sm text-slate-700">
              We use cookies that the site needs to work. With your permission we would also use
              analytics cookies to improve the site and advertising cookies from our partners.
              Nothing optional loads until you choose, and you can change your mind at any time
              under &ldquo;Cookie settings&rdquo; at the bottom of every page.
            </p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <button type="button" className={choiceButton} disabled={busy} onClick={acceptAll}>
                Accept all
              </button>
              <button type="button" className={choiceButton} disabled={busy} onClick={rejectAll}>
                Reject all
              </button>
              <button
                type="button"
                className={choiceButton}
                disabled={busy}
                onClick={() => setView("choose")}
              >
                Choose
              </button>
            </div>
          </>
        )}
        {view === "choose" && (
          <>
            <VendorChoices
              vendors={props.vendors}
              categories={props.categories}
              draft={draft}
              onChange={setDraft}
            />
            <div className="flex flex-col gap-2 sm:flex-row">
              <button
                type="button"
                className={choiceButton}
                disabled={busy}
                onClick={() => saveCustom()}
              >
                Save my choices
              </button>
              <button type="button" className={choiceButton} disabled={busy} onClick={acceptAll}>
                Accept all
              </button>
              <button type="button" className={choiceButton} disabled={busy} onClick={rejectAll}>
                Reject all
              </button>
            </div>
          </>
        )}
        {view === "confirm-gpc" && (
          <>
            <p className="text-sm text-slate-700">
              You turned on advertising cookies. Your browser&rsquo;s Global Privacy Control signal
              says you do not want your data sold or shared. Do you want to allow the advertising
              partners you chose anyway?
            </p>
            <div className="flex flex-col gap-2 sm:flex-row">
              <button
                type="button"
                className={choiceButton}
                disabled={busy}
                onClick={() => saveCustom(true)}
              >
                Yes, allow the advertising I chose
              </button>
              <button
                type="button"
                className={choiceButton}
                disabled={busy}
                onClick={() => setView("choose")}
              >
                No, go back
              </button>
            </div>
          </>
        )}
      </div>
    </div>
  );
}
