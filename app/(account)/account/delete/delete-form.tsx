"use client";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { scheduleErasureAction } from "./actions";
import { ReadOnlyFieldset } from "@/components/ui/read-only";

/** The confirmation: a checkbox that says what happens, then the password (step-up) if needed. */
export function DeleteAccountForm({ grace }: { grace: string }) {
  const t = useTranslations("rights.delete");
  const router = useRouter();
  const { withStepUp, dialog } = useStepUp();
  const [understood, setUnderstood] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!understood) {
      setError(t("tick"));
      return;
    }
    setBusy(true);
    setError(null);
    const result = await withStepUp(() => scheduleErasureAction());
    setBusy(false);
    if (!result.ok) setError(result.formError ?? t("failed"));
    else router.refresh();
  }

  return (
    <>
      {dialog}
      <form onSubmit={submit} className="space-y-4" noValidate>
        <p className="text-sm text-slate-700">
          {t.rich("copyFirst", {
            grace,
            link: (chunks) => <Link href="/account/export">{chunks}</Link>,
          })}
        </p>
        <ReadOnlyFieldset disabled={busy} className="space-y-4">
          <label className="flex gap-2 text-sm">
            <input
              type="checkbox"
              checked={understood}
              onChange={(e) => setUnderstood(e.target.checked)}
              className="mt-1 size-4"
            />
            <span>{t("understand", { grace })}</span>
          </label>
          <Button type="submit" variant="danger">
            {t("submit")}
          </Button>
        </ReadOnlyFieldset>
        {error && <Alert tone="error">{error}</Alert>}
      </form>
    </>
  );
}
