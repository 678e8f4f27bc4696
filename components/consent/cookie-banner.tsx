"use client";
import { useTranslations } from "next-intl";
import { useEffect, useRef, useState, useSyncExternalStore } from "react";
import type { CookieCategory, VendorCookie } from "@/lib/catalog/vendors";
import { clearCookies } from "@/lib/consent/clear-cookies";
import { consentCookieLine, type StoredChoice } from "@/lib/consent/cookie";
import { decisionsFor, grantsAdvertising } from "@/lib/consent/decisions";
import type { CookieConsentMethod } from "@/lib/validation/consent";
import { OPEN_COOKIE_SETTINGS } from "./cookie-settings-button";
import { SettingsDialog } from "./settings-dialog";
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

export type View = "first" | "choose" | "confirm-gpc";
/** closed; the first layer in the page flow (no choice yet); or everything in a modal dialog. */
type Mode = "closed" | "banner" | "settings";
const FOCUS_AFTER_RELOAD = "pc-consent-focus";

const noSubscribe = () => () => {};
const readBrowserGpc = () =>
  (navigator as Navigator & { globalPrivacyControl?: boolean }).globalPrivacyControl === true;

// The three first-layer choices look alike on purpose: none is nudged.
export const choiceButton =
  "inline-flex min-h-10 flex-1 items-center justify-center rounded-md border border-brand-700 bg-white px-4 py-2 text-sm font-medium text-brand-800 hover:bg-brand-50 disabled:opacity-60";

/**
 * The cookie banner and cookie settings; every choice is recorded on the server. A first visit
 * gets the first layer in the page flow (it covers nothing); "Choose", and "Cookie settings"
 * from the footer, open a modal dialog whose switches scroll inside it, with the buttons in a
 * footer that is always in reach. Closing the settings returns focus to what opened them.
 */
export function CookieBanner(props: {
  revision: number;
  deviceId: string | null;
  current: Record<string, boolean> | null;
  hasChoice: boolean;
  gpcHeader: boolean;
  adopt: StoredChoice | null;
  vendors: BannerVendor[];
}) {
  const t = useTranslations("consent");
  const { revision, current, hasChoice, adopt } = props;
  const [mode, setMode] = useState<Mode>(hasChoice ? "closed" : "banner");
  const [view, setView] = useState<View>("first");
  const browserGpc = useSyncExternalStore(noSubscribe, readBrowserGpc, () => false);
  const gpc = props.gpcHeader || browserGpc;
  const [draft, setDraft] = useState<Record<string, boolean>>(
    current ?? decisionsFor("reject_all", false),
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const opener = useRef<HTMLElement | null>(null);
  const wasOpen = useRef(false);

  useEffect(() => {
    if (adopt) document.cookie = consentCookieLine(adopt, location.protocol === "https:");
    const show = (e: Event) => {
      const from = e instanceof CustomEvent ? e.detail : null;
      opener.current = from instanceof HTMLElement ? from : null;
      setDraft((d) => current ?? d);
      setView("first");
      setMode("settings");
    };
    window.addEventListener(OPEN_COOKIE_SETTINGS, show);
    return () => window.removeEventListener(OPEN_COOKIE_SETTINGS, show);
  }, [adopt, current]);

  const modal = mode === "settings" || (mode === "banner" && view !== "first");

  // A choice reloads the page; the person was in the banner, so they continue in the content.
  useEffect(() => {
    if (sessionStorage.getItem(FOCUS_AFTER_RELOAD) !== "1") return;
    sessionStorage.removeItem(FOCUS_AFTER_RELOAD);
    document.getElementById("main")?.focus();
  }, []);

  // Focus follows the layer: its heading when one opens or changes, the opener when all close.
  useEffect(() => {
    if (mode === "closed") {
      if (wasOpen.current && opener.current?.isConnected) opener.current.focus();
      wasOpen.current = false;
      return;
    }
    wasOpen.current = true;
    if (!modal) heading.current?.focus();
  }, [mode, view, modal]);

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
      setError(problem?.detail ?? t("banner.saveFailed"));
      return;
    }
    const { clear } = (await response.json()) as { clear: string[] };
    clearCookies(clear);
    // After the reload, focus goes to the page's content, not to the top of the document.
    sessionStorage.setItem(FOCUS_AFTER_RELOAD, "1");
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

  /**
   * Escape is never a choice. It steps back from the GPC question; from the switches of a first
   * visit it returns to the first layer (a choice is still needed); otherwise it closes.
   */
  function back() {
    if (view === "confirm-gpc") return setView("choose");
    if (mode === "banner") return setView("first");
    setMode("closed");
  }

  if (mode === "closed") return null;

  const gpcNotice = gpc && (
    <p
      role="status"
      className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-950"
    >
      {t("banner.gpc")}
    </p>
  );
  const errorLine = error && (
    <p role="alert" className="text-sm text-red-700">
      {error}
    </p>
  );
  const firstButtons = (
    <>
      <button type="button" className={choiceButton} disabled={busy} onClick={acceptAll}>
        {t("banner.acceptAll")}
      </button>
      <button type="button" className={choiceButton} disabled={busy} onClick={rejectAll}>
        {t("banner.rejectAll")}
      </button>
      <button
        type="button"
        className={choiceButton}
        disabled={busy}
        onClick={() => setView("choose")}
      >
        {t("banner.choose")}
      </button>
    </>
  );

  if (modal) {
    const title =
      view === "confirm-gpc"
        ? t("banner.gpcTitle")
        : view === "choose"
          ? t("settings.title")
          : t("banner.title");
    const footer =
      view === "first" ? (
        firstButtons
      ) : view === "choose" ? (
        <>
          <button
            type="button"
            className={choiceButton}
            disabled={busy}
            onClick={() => saveCustom()}
          >
            {t("settings.save")}
          </button>
          <button type="button" className={choiceButton} disabled={busy} onClick={acceptAll}>
            {t("banner.acceptAll")}
          </button>
          <button type="button" className={choiceButton} disabled={busy} onClick={rejectAll}>
            {t("banner.rejectAll")}
          </button>
        </>
      ) : (
        <>
          <button
            type="button"
            className={choiceButton}
            disabled={busy}
            onClick={() => saveCustom(true)}
          >
            {t("banner.gpcYes")}
          </button>
          <button
            type="button"
            className={choiceButton}
            disabled={busy}
            onClick={() => setView("choose")}
          >
            {t("banner.gpcNo")}
          </button>
        </>
      );
    return (
      <SettingsDialog
        title={title}
        viewKey={view}
        onCancel={back}
        closeLabel={mode === "banner" ? t("settings.back") : t("settings.close")}
        footer={footer}
      >
        {gpcNotice}
        {errorLine}
        {view === "first" && <p className="text-sm text-slate-700">{t("banner.text")}</p>}
        {view === "choose" && (
          <VendorChoices vendors={props.vendors} draft={draft} onChange={setDraft} />
        )}
        {view === "confirm-gpc" && (
          <p className="text-sm text-slate-700">{t("banner.gpcQuestion")}</p>
        )}
      </SettingsDialog>
    );
  }

  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="cookie-banner-title"
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
          {t("banner.title")}
        </h2>
        {gpcNotice}
        {errorLine}
        <p className="text-sm text-slate-700">{t("banner.text")}</p>
        <div className="flex flex-col gap-2 sm:flex-row">{firstButtons}</div>
      </div>
    </div>
  );
}
