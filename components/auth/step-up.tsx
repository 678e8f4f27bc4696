"use client";
import { useEffect, useRef, useState, type ReactNode } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import { reauthenticateAction } from "@/app/(account)/account/actions";

function StepUpDialog({ onDone }: { onDone: (confirmed: boolean) => void }) {
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
      aria-labelledby="step-up-title"
      onCancel={() => onDone(false)}
      className="m-auto w-[min(28rem,calc(100%-2rem))] rounded-lg p-6 shadow-xl backdrop:bg-slate-900/50"
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
            setError(result.formError ?? "That password is not right.");
            setPassword("");
          }
        }}
      >
        <h2 id="step-up-title" className="text-lg font-semibold">
          Confirm it is you
        </h2>
        <p className="text-sm text-slate-700">
          This change needs your password again. After that we will carry on where you were.
        </p>
        {error && <Alert tone="error">{error}</Alert>}
        <TextField
          label="Your password"
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
            Cancel
          </Button>
          <Button type="submit" disabled={busy || password.length === 0}>
            {busy ? "Checking…" : "Confirm"}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

/**
 * Runs a server action; if the server asks for the password again (step-up), shows a dialog,
 * then runs the same action once more. Render `dialog` somewhere in the form.
 */
export function useStepUp(): {
  withStepUp: <T>(run: () => Promise<ActionResult<T>>) => Promise<ActionResult<T>>;
  dialog: ReactNode;
} {
  const [waiting, setWaiting] = useState<((confirmed: boolean) => void) | null>(null);
  async function withStepUp<T>(run: () => Promise<ActionResult<T>>): Promise<ActionResult<T>> {
    const first = await run();
    if (first.ok || !first.reauth) return first;
    const confirmed = await new Promise<boolean>((resolve) => setWaiting(() => resolve));
    if (!confirmed) {
      return { ok: false, formError: "Your password was not confirmed, so nothing was changed." };
    }
    return run();
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
