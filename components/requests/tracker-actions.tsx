"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useId, useState, useTransition } from "react";
import { useForm } from "react-hook-form";
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
  const router = useRouter();
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

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await messageAction(values);
    if (result.ok) {
      form.reset({ message: "" });
      setStatus({ tone: "success", text: "Your message is added to the timeline." });
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
          text: result.formError ?? "The request could not be cancelled.",
        });
      }
    });

  const error = errors.message?.message;
  return (
    <div className="space-y-6">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-3">
        <fieldset disabled={isSubmitting || !hydrated} className="space-y-3">
          <div className="space-y-1">
            <label htmlFor={id} className="block text-sm font-medium text-slate-800">
              Add a message
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
                {error}
              </p>
            ) : (
              <p id={`${id}-hint`} className="text-xs text-slate-600">
                The privacy team reads it with your request. Up to {DETAILS_MAX} characters.
              </p>
            )}
          </div>
          <Button type="submit">{isSubmitting ? "Sending…" : "Send message"}</Button>
        </fieldset>
      </form>
      <div className="space-y-2 border-t border-slate-200 pt-4">
        {confirming ? (
          <>
            <p className="text-sm">
              Cancel this request? We stop working on it; you can make a new one at any time.
            </p>
            <div className="flex flex-wrap gap-2">
              <Button variant="danger" disabled={cancelling} onClick={cancel}>
                {cancelling ? "Cancelling…" : "Yes, cancel the request"}
              </Button>
              <Button
                variant="secondary"
                disabled={cancelling}
                onClick={() => setConfirming(false)}
              >
                Keep the request
              </Button>
            </div>
          </>
        ) : (
          <Button variant="secondary" disabled={!hydrated} onClick={() => setConfirming(true)}>
            Cancel this request
          </Button>
        )}
      </div>
    </div>
  );
}
