"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useId, useRef, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/actions";
import {
  DETAILS_MAX,
  requestMessageSchema,
  type RequestMessageInput,
} from "@/lib/validation/requests";
import { ReadOnlyFieldset } from "@/components/ui/read-only";

type Status = { tone: "success" | "error"; text: string } | null;

/**
 * "Add a message" and "Cancel this request", for any tracker: the caller binds the actions to
 * the request (the holder's reference, or a visitor's signed token).
 */
export function TrackerActions({
  messageAction,
  cancelAction,
}: {
  messageAction: (input: RequestMessageInput) => Promise<ActionResult>;
  cancelAction: () => Promise<ActionResult>;
}) {
  const t = useTranslations("requests.actions");
  const messageText = useMessageText();
  const router = useRouter();
  // Focus follows the question: to "Yes, cancel" when it is asked, back to "Cancel this
  // request" when it is withdrawn, never to <body> with the button that went away.
  const yesRef = useRef<HTMLDivElement>(null);
  const cancelRef = useRef<HTMLDivElement>(null);
  const asked = useRef(false);
  const hydrated = useHydrated();
  const [status, setStatus] = useState<Status>(null);
  const [confirming, setConfirming] = useState(false);
  const [cancelling, startCancel] = useTransition();
  const id = useId();
  const form = useForm<RequestMessageInput>({
    resolver: zodResolver(requestMessageSchema),
    defaultValues: { message: "" },
  });
  const { errors, isSubmitting } = form.formState;
  useEffect(() => {
    if (confirming) yesRef.current?.querySelector("button")?.focus();
    else if (asked.current) cancelRef.current?.querySelector("button")?.focus();
    asked.current ||= confirming;
  }, [confirming]);

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await messageAction(values);
    if (result.ok) {
      form.reset({ message: "" });
      setStatus({ tone: "success", text: t("added") });
      router.refresh();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });

  const cancel = () =>
    startCancel(async () => {
      setStatus(null);
      const result = await cancelAction();
      setConfirming(false);
      if (result.ok) {
        // The refreshed tracker says so in its status card (and this card goes: the request is
        // closed), so the confirmation cannot vanish with it.
        router.refresh();
      } else {
        setStatus({
          tone: "error",
          text: result.formError ?? t("cancelFailed"),
        });
      }
    });

  const error = errors.message?.message;
  return (
    <div className="space-y-6">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
        <ReadOnlyFieldset disabled={isSubmitting || !hydrated} className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              {t("label")}
            </label>
            <textarea
              id={id}
              rows={4}
              maxLength={DETAILS_MAX}
              aria-invalid={error ? true : undefined}
              aria-describedby={error ? `${id}-error` : `${id}-hint`}
              className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm ${error ? "border-red-600" : "border-slate-300"}`}
              {...form.register("message")}
            />
            {error ? (
              <p id={`${id}-error`} className="text-sm text-red-700">
                {messageText(error)}
              </p>
            ) : (
              <p id={`${id}-hint`} className="text-xs text-slate-600">
                {t("hint", { max: DETAILS_MAX })}
              </p>
            )}
          </div>
          <Button type="submit">{isSubmitting ? t("sending") : t("send")}</Button>
        </ReadOnlyFieldset>
      </form>
      <div ref={cancelRef} className="space-y-2 border-t border-slate-200 pt-4">
        {confirming ? (
          <>
            <p className="text-sm">{t("confirm")}</p>
            <div ref={yesRef} className="flex flex-wrap gap-2">
              <Button variant="danger" disabled={cancelling} onClick={cancel}>
                {cancelling ? t("cancelling") : t("yes")}
              </Button>
              <Button
                variant="secondary"
                disabled={cancelling}
                onClick={() => setConfirming(false)}
              >
                {t("keep")}
              </Button>
            </div>
          </>
        ) : (
          <Button variant="secondary" disabled={!hydrated} onClick={() => setConfirming(true)}>
            {t("cancel")}
          </Button>
        )}
      </div>
    </div>
  );
}
