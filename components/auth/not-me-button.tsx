"use client";
import { useTranslations } from "next-intl";
import { useRef, useState, useTransition } from "react";
import { useReadOnly } from "@/components/ui/read-only";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { reportNotMeAction } from "@/app/(account)/account/actions";

/** "This wasn't me": explains what will happen, then ends every session. */
export function NotMeButton({ eventId, label }: { eventId: number; label: string }) {
  const t = useTranslations("security.notMe");
  const text = useMessageText();
  const ref = useRef<HTMLDialogElement>(null);
  // In a support view nobody may report the holder's sign-in for them (the server refuses too).
  const readOnly = useReadOnly() !== null;
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <button
        type="button"
        disabled={readOnly}
        className="text-sm text-red-700 underline underline-offset-2 disabled:cursor-not-allowed disabled:text-slate-500"
        onClick={() => ref.current?.showModal()}
        aria-label={t("buttonLabel", { what: label })}
      >
        {t("button")}
      </button>
      <dialog
        ref={ref}
        aria-labelledby={`not-me-${eventId}`}
        className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-lg p-6 shadow-xl backdrop:bg-black/50"
      >
        <h2 id={`not-me-${eventId}`} className="text-lg font-semibold">
          {t("title")}
        </h2>
        <p className="mt-2 text-sm text-slate-700">{t("body")}</p>
        {error && <Alert tone="error">{error}</Alert>}
        <div className="mt-4 flex justify-end gap-2">
          <Button variant="secondary" onClick={() => ref.current?.close()} disabled={pending}>
            {t("cancel")}
          </Button>
          <Button
            variant="danger"
            disabled={pending}
            onClick={() =>
              start(async () => {
                const r = await reportNotMeAction(eventId);
                if (r && !r.ok) setError(text(r.formError) ?? "");
              })
            }
          >
            {pending ? t("working") : t("confirm")}
          </Button>
        </div>
      </dialog>
    </>
  );
}
