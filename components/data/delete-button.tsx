"use client";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useId, useRef, useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/actions";

/**
 * Deletes one item after a confirmation that says exactly what goes. `action` is a server
 * action already bound to the item's id; `then` is where to go afterwards (a list page).
 */
export function DeleteButton({
  action,
  label,
  what,
  then,
  confirmLabel,
}: {
  action: () => Promise<ActionResult>;
  label: string;
  what: string;
  then?: string;
  confirmLabel?: string;
}) {
  const t = useTranslations("data.delete");
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <>
      <Button type="button" variant="danger" onClick={() => ref.current?.showModal()}>
        {label}
      </Button>
      <dialog
        ref={ref}
        aria-labelledby={titleId}
        className="m-auto w-[min(30rem,calc(100%-2rem))] rounded-lg p-6 shadow-xl backdrop:bg-black/50"
      >
        <h2 id={titleId} className="text-lg font-semibold">
          {label}?
        </h2>
        <p className="mt-2 text-sm text-slate-700">{what}</p>
        <p className="mt-2 text-sm text-slate-700">{t("cannotUndo")}</p>
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
                const r = await action();
                if (!r.ok) {
                  setError(r.formError ?? t("failed"));
                  return;
                }
                ref.current?.close();
                if (then) router.push(then);
                router.refresh();
              })
            }
          >
            {pending ? t("deleting") : (confirmLabel ?? t("confirm"))}
          </Button>
        </div>
      </dialog>
    </>
  );
}
