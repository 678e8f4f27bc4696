"use client";
import { useEffect, useRef } from "react";

const focusable =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal <dialog> (showModal: the page behind is inert) whose body scrolls inside a viewport-high
 * box, so the footer's buttons are always on screen, on a phone too. Tab and Shift+Tab wrap
 * inside it; Escape calls onCancel instead of closing, because the banner decides what Escape
 * means (step back or close). The heading takes focus on opening and on each change of view.
 */
export function SettingsDialog({
  title,
  viewKey,
  onCancel,
  closeLabel,
  footer,
  children,
}: {
  title: string;
  viewKey: string;
  onCancel: () => void;
  closeLabel: string;
  footer: React.ReactNode;
  children: React.ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const cancel = useRef(onCancel);
  useEffect(() => {
    cancel.current = onCancel;
  });

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    const onCancelEvent = (e: Event) => {
      e.preventDefault();
      cancel.current();
    };
    d.addEventListener("cancel", onCancelEvent);
    return () => {
      d.removeEventListener("cancel", onCancelEvent);
      if (d.open) d.close();
    };
  }, []);

  useEffect(() => {
    heading.current?.focus();
  }, [viewKey]);

  function onKeyDown(e: React.KeyboardEvent<HTMLDialogElement>) {
    if (e.key === "Escape") {
      // Handled here as well as by "cancel": Chromium skips the cancel event when Escape is
      // pressed twice without a click in between.
      e.preventDefault();
      cancel.current();
      return;
    }
    if (e.key !== "Tab") return;
    const items = [...e.currentTarget.querySelectorAll<HTMLElement>(focusable)].filter(
      (el) => el.offsetParent !== null,
    );
    const first = items[0];
    const last = items.at(-1);
    if (!first || !last) return;
    if (
      e.shiftKey &&
      (document.activeElement === first || document.activeElement === heading.current)
    ) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-labelledby="cookie-settings-title"
      onKeyDown={onKeyDown}
      className="m-auto w-[min(42rem,calc(100%-1rem))] max-w-none overflow-hidden rounded-lg border border-slate-300 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-black/60"
    >
      <div className="flex max-h-[calc(100dvh-1rem)] flex-col">
        <div className="border-b border-slate-200 px-4 py-3 sm:px-6">
          <h2
            id="cookie-settings-title"
            ref={heading}
            tabIndex={-1}
            className="text-lg font-semibold outline-none"
          >
            {title}
          </h2>
        </div>
        <div className="min-h-0 flex-1 space-y-3 overflow-y-auto px-4 py-3 sm:px-6">{children}</div>
        <div className="grid grid-cols-2 gap-2 border-t border-slate-200 bg-slate-50 px-4 py-3 sm:flex sm:px-6">
          {footer}
          <button
            type="button"
            onClick={() => cancel.current()}
            className="inline-flex min-h-10 items-center justify-center rounded-md px-4 py-2 text-sm font-medium text-slate-800 underline underline-offset-2 hover:bg-slate-100"
          >
            {closeLabel}
          </button>
        </div>
      </div>
    </dialog>
  );
}
