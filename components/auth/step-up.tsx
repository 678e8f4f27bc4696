"use client";
import { useTranslations } from "next-intl";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { reauthenticateAction } from "@/app/(account)/account/actions";

function StepUpDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
  const t = useTranslations("security.stepUp");
  const text = useMessageText();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    ref.current?.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-labelledby={titleId}
      // Escape: the browser closes the dialog and fires cancel.
      onCancel={() => onDone(false)}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg p-6 shadow-xl backdrop:bg-black/50"
    >
      <form
        className="space-y-4"
        onSubmit={async (e) => {
          e.preventDefault();
          // React bubbles submit through the component tree: without this, a dialog rendered
          // inside another form would submit that form too and restart the guarded action.
          e.stopPropagation();
          setBusy(true);
          const result = await reauthenticateAction({ password });
          setBusy(false);
          if (result.ok) {
            ref.current?.close();
            onDone(true);
          } else {
            setError(text(result.formError) ?? t("wrongPassword"));
            setPassword("");
          }
        }}
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="text-sm text-slate-700">{t("lead")}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label={t("password")}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          disabled={busy}
        />
        <div className="flex justify-end gap-2">
          <Button
            type="button"
            variant="secondary"
            onClick={() => {
              ref.current?.close();
              onDone(false);
            }}
          >
            {t("cancel")}
          </Button>
          <Button type="submit" disabled={busy || password.length === 0}>
            {busy ? t("checking") : t("confirm")}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Puts focus back on the control that started the guarded action once it can take it again
 * (a form disables its fieldset while it submits), unless focus has meanwhile gone somewhere
 * on purpose (the form moved it to its result). Without this, focus falls to <body>.
 */
function restoreFocus(opener: HTMLElement | null) {
  if (!opener) return;
  let frames = 0;
  const attempt = () => {
    const current = document.activeElement;
    const lost = !current || current === document.body || current.closest("dialog") !== null;
    if (!lost || !opener.isConnected) return;
    if (!opener.matches(":disabled")) {
      opener.focus();
      return;
    }
    if (++frames < 120) requestAnimationFrame(attempt);
  };
  requestAnimationFrame(attempt);
}

/**
 * Runs a server action; if the server asks for the password again (step-up), shows a dialog,
 * then runs the same action once more. Render `dialog` somewhere in the form. Whether the
 * password is confirmed or the dialog cancelled, focus goes back to the control that started it.
 */
export function useStepUp(): {
  withStepUp: <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;
  dialog: ReactNode;
} {
  const t = useTranslations("security.stepUp");
  const [waiting, setWaiting] = useState<((confirmed: boolean) => void) | null>(null);
  // The last control focused outside a dialog: the button that started the action. Read when
  // the action starts is too late, as its fieldset is already disabled (focus on <body>).
  const lastFocused = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const remember = (e: FocusEvent) => {
      const target = e.target;
      if (target instanceof HTMLElement && !target.closest("dialog")) lastFocused.current = target;
    };
    document.addEventListener("focusin", remember);
    return () => document.removeEventListener("focusin", remember);
  }, []);

  async function withStepUp<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    const first = await run();
    if (first.ok || !first.reauth) return first;
    const opener = lastFocused.current;
    const confirmed = await new Promise<boolean>((resolve) => setWaiting(() => resolve));
    if (!confirmed) {
      restoreFocus(opener);
      return { ok: false, formError: t("notConfirmed") };
    }
    const second = await run();
    restoreFocus(opener);
    return second;
  }
  const dialog = waiting ? (
    <StepUpDialog
      onDone={(confirmed) => {
        waiting(confirmed);
        setWaiting(null);
      }}
    />
  ) : null;
  return { withStepUp, dialog };
}
