"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useEffect, useState, useTransition } from "react";
import { LocalTime } from "@/components/i18n/local-time";

/**
 * Keeps a server-rendered data page current while a person looks at it: every `seconds` it
 * asks the server for the page again (router.refresh keeps scroll, focus and client state),
 * only while the tab is visible, and at once when the tab comes back. No websocket: the page's
 * own read, so it is exactly as read-only as the page (a support view stays a support view).
 * A person can pause it (WCAG 2.2.2: content that updates by itself can be stopped).
 */
export function LiveRefresh({ seconds = 5, what }: { seconds?: number; what: string }) {
  const t = useTranslations("data.live");
  const router = useRouter();
  const [paused, setPaused] = useState(false);
  const [updatedAt, setUpdatedAt] = useState<Date | null>(null);
  const [, startTransition] = useTransition();

  useEffect(() => {
    if (paused) return;
    let timer: ReturnType<typeof setInterval> | undefined;
    const refresh = () =>
      startTransition(() => {
        router.refresh();
        setUpdatedAt(new Date());
      });
    const start = () => {
      clearInterval(timer);
      timer = setInterval(refresh, seconds * 1000);
    };
    const onVisibility = () => {
      if (document.visibilityState === "visible") {
        refresh();
        start();
      } else {
        clearInterval(timer);
      }
    };
    if (document.visibilityState === "visible") start();
    document.addEventListener("visibilitychange", onVisibility);
    return () => {
      clearInterval(timer);
      document.removeEventListener("visibilitychange", onVisibility);
    };
  }, [paused, router, seconds]);

  return (
    <div className="mb-4 flex flex-wrap items-center gap-x-3 gap-y-1 text-sm text-slate-700">
      <p>
        {paused ? t("paused", { what }) : t("running", { what, seconds })}
        {updatedAt && !paused && (
          <>
            {" "}
            {t("checked")} <LocalTime value={updatedAt} style="time" />.
          </>
        )}
      </p>
      <button
        type="button"
        onClick={() => setPaused((p) => !p)}
        aria-pressed={paused}
        className="min-h-8 rounded-md border border-slate-300 bg-white px-3 py-1 text-sm hover:bg-slate-50"
      >
        {t("pause")}
      </button>
    </div>
  );
}

/**
 * Says politely (aria-live) what changed between two renders of a live page — "Garage S5:
 * printing" — and nothing on the first render or when nothing changed, so a screen reader
 * hears one short sentence per real change rather than the whole list every few seconds.
 */
export function LiveAnnouncer({ items }: { items: { key: string; text: string }[] }) {
  const t = useTranslations("data.live");
  const [seen, setSeen] = useState(() => new Map(items.map((i) => [i.key, i.text])));
  const [message, setMessage] = useState("");
  // Derived during render (React's "adjust state when a prop changes"), not in an effect.
  const changed = items.filter((i) => seen.get(i.key) !== i.text);
  if (changed.length > 0) {
    setSeen(new Map(items.map((i) => [i.key, i.text])));
    const shown = changed.slice(0, 3).map((i) => i.text);
    const more = changed.length - shown.length;
    setMessage(`${shown.join(". ")}.${more > 0 ? ` ${t("more", { count: more })}` : ""}`);
  }
  return (
    <p aria-live="polite" className="sr-only">
      {message}
    </p>
  );
}
