"use client";

export const OPEN_COOKIE_SETTINGS = "pc:open-cookie-settings";

/** Opens the cookie settings from anywhere (the footer), to change or withdraw a choice. */
export function CookieSettingsButton() {
  return (
    <button
      type="button"
      className="text-brand-700 underline hover:text-brand-800"
      onClick={() => window.dispatchEvent(new Event(OPEN_COOKIE_SETTINGS))}
    >
      Cookie settings
    </button>
  );
}
