"use client";
import { useTranslations } from "next-intl";

export const OPEN_COOKIE_SETTINGS = "pc:open-cookie-settings";

/**
 * Opens the cookie settings from anywhere (the footer), to change or withdraw a choice. The
 * event carries the button, so that closing the settings puts focus back on it.
 */
export function CookieSettingsButton() {
  const t = useTranslations("common.footer");
  return (
    <button
      type="button"
      className="text-brand-700 underline hover:text-brand-800"
      onClick={(e) =>
        window.dispatchEvent(new CustomEvent(OPEN_COOKIE_SETTINGS, { detail: e.currentTarget }))
      }
    >
      {t("cookieSettings")}
    </button>
  );
}
