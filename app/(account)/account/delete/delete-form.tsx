"use client";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { scheduleErasureAction } from "./actions";

/** The confirmation: a checkbox that says what happens, then the password (step-up) if needed. */
export function DeleteAccountForm({ grace }: { grace: string }) {
  const router = useRouter();
  const { withStepUp, dialog } = useStepUp();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!understood) {
      setError("Please tick the box to confirm that you understand.");
      return;
    }
    setBusy(true);
    setError(null);
    const result = await withStepUp(() => scheduleErasureAction());
    setBusy(false);
    if (!result.ok)
      setError(result.formError ?? "Your account could not be scheduled for deletion.");
    else router.refresh();
  }

  return (
    <>
      {dialog}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          Want a copy first? <Link href="/account/export">Download your data</Link> (you can also do
          that during the {grace} before the deletion).
        </p>
        <fieldset disabled={busy} className="space-y-4">
          <label className="flex gap-2 text-sm">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              className="mt-1 size-4"
            />
            <span>
              I understand that after {grace} my account and the data above are deleted for good,
              and that until then my account is locked.
            </span>
          </label>
          <Button type="submit" variant="danger">
            Delete my account
          </Button>
        </fieldset>
        {error && <Alert tone="error">{error}</Alert>}
      </form>
    </>
  );
}
