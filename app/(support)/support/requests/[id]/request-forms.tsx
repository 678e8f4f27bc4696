"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import type { z } from "zod";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import type { ActionResult } from "@/lib/actions";
import {
  completeSchema,
  denySchema,
  extendSchema,
  noteSchema,
  questionSchema,
} from "@/lib/validation/requests-staff";
import {
  addRequestNoteAction,
  askRequesterAction,
  completeRequestAction,
  denyRequestAction,
  extendRequestAction,
  markInProgressAction,
} from "../actions";

type Action = (input: unknown) => Promise<ActionResult<unknown>>;

function TextArea({
  label,
  error,
  hint,
  ...props
}: {
  label: string;
  error?: string;
  hint: string;
} & React.TextareaHTMLAttributes<HTMLTextAreaElement>) {
  const id = useId();
  const text = useMessageText();
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      <textarea
        id={id}
        rows={3}
        {...props}
        aria-invalid={error ? true : undefined}
        aria-describedby={`${id}-note`}
        className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm ${error ? "border-red-600" : "border-slate-300"}`}
      />
      <p id={`${id}-note`} className={error ? "text-sm text-red-700" : "text-xs text-slate-600"}>
        {text(error) ?? hint}
      </p>
    </div>
  );
}

/** Why a button is off, tied to it so a screen reader hears it too. */
function DisabledReason({ id, reason }: { id: string; reason?: string }) {
  return reason ? (
    <p id={id} className="text-sm text-slate-700">
      {reason}
    </p>
  ) : null;
}

type Field = "note" | "question" | "answer" | "reason";
const schemas = {
  note: noteSchema,
  question: questionSchema,
  answer: completeSchema,
  reason: denySchema,
} satisfies Record<Field, z.ZodType>;

/**
 * One text and one button: a note, a question, a completion or a denial. Disabled (with the
 * reason shown) when the signed-in staff member may not do it.
 */
export function TextActionForm({
  requestId,
  field,
  label,
  hint,
  submit,
  busy,
  done,
  action,
  danger = false,
  disabledReason,
}: {
  requestId: string;
  field: Field;
  label: string;
  hint: string;
  submit: string;
  busy: string;
  done: string;
  action: "note" | "question" | "complete" | "deny";
  danger?: boolean;
  disabledReason?: string;
}) {
  const router = useRouter();
  const text = useMessageText();
  const reasonId = useId();
  const [message, setMessage] = useState<{ tone: "error" | "success"; text: string } | null>(null);
  const form = useForm<Record<string, string>>({
    resolver: zodResolver(
      schemas[field] as unknown as z.ZodType<Record<string, string>, Record<string, string>>,
    ),
    defaultValues: { requestId, [field]: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const call: Action = {
    note: addRequestNoteAction,
    question: askRequesterAction,
    complete: completeRequestAction,
    deny: denyRequestAction,
  }[action];
  const onSubmit = form.handleSubmit(async (values) => {
    setMessage(null);
    const result = await call(values);
    const error = applyActionErrors(result, form.setError);
    if (error) return setMessage({ tone: "error", text: error });
    form.reset({ requestId, [field]: "" });
    setMessage({ tone: "success", text: done });
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {message && <Alert tone={message.tone}>{text(message.text)}</Alert>}
      <fieldset disabled={isSubmitting || Boolean(disabledReason)} className="space-y-3">
        <TextArea
          label={label}
          hint={hint}
          error={errors[field]?.message}
          {...form.register(field)}
        />
        <Button
          type="submit"
          variant={danger ? "danger" : "primary"}
          aria-describedby={disabledReason ? reasonId : undefined}
        >
          {isSubmitting ? busy : submit}
        </Button>
        <DisabledReason id={reasonId} reason={disabledReason} />
      </fieldset>
    </form>
  );
}

export function MarkInProgressButton({ requestId }: { requestId: string }) {
  const t = useTranslations("support.request");
  const text = useMessageText();
  const router = useRouter();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  return (
    <div className="space-y-3">
      {error && <Alert tone="error">{text(error)}</Alert>}
      <Button
        type="button"
        variant="secondary"
        disabled={pending}
        onClick={async () => {
          setPending(true);
          setError(null);
          const result = await markInProgressAction({ requestId });
          setPending(false);
          if (!result.ok) return setError(text(result.formError) ?? t("nothingChanged"));
          router.refresh();
        }}
      >
        {pending ? t("saving") : t("markInProgress")}
      </Button>
    </div>
  );
}

type ExtendValues = z.infer<typeof extendSchema>;

/** The one extension: a reason the requester reads and a new due date within the maximum. */
export function ExtendForm({
  requestId,
  minDate,
  maxDate,
  range,
}: {
  requestId: string;
  /** YYYY-MM-DD (UTC), computed on the server so the browser's zone does not matter. */
  minDate: string;
  maxDate: string;
  /** The allowed range in words. */
  range: string;
}) {
  const t = useTranslations("support.request");
  const text = useMessageText();
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<ExtendValues>({
    resolver: zodResolver(extendSchema),
    defaultValues: { requestId, reason: "", dueDate: maxDate },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await extendRequestAction(values);
    const message = applyActionErrors(result, form.setError);
    if (message) return setError(message);
    router.refresh();
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-3">
      {error && <Alert tone="error">{text(error)}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-3">
        <TextArea
          label={t("extendReason")}
          hint={t("sentenceHint")}
          error={errors.reason?.message}
          {...form.register("reason")}
        />
        <TextField
          type="date"
          label={t("newDue")}
          min={minDate}
          max={maxDate}
          hint={range}
          error={errors.dueDate?.message}
          {...form.register("dueDate")}
        />
        <Button type="submit" variant="secondary">
          {isSubmitting ? t("extending") : t("extend")}
        </Button>
      </fieldset>
    </form>
  );
}
