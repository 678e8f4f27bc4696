"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useId, useState } from "react";
import { useForm } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import {
  breakGlassSchema,
  openUserSchema,
  type BreakGlassInput,
  type OpenUserInput,
} from "@/lib/validation/support";
import { breakGlassAction, openUserAction } from "../../actions";

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

export function OpenUserForm({ userId }: { userId: string }) {
  const t = useTranslations("support.account");
  const text = useMessageText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<OpenUserInput>({
    resolver: zodResolver(openUserSchema),
    defaultValues: { userId, ticketRef: "", reason: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await openUserAction(values); // redirects into the view on success
    if (result) setError(applyActionErrors(result, form.setError));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert tone="error">{text(error)}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-4">
        <TextField
          label={t("ticket")}
          autoComplete="off"
          error={errors.ticketRef?.message}
          {...form.register("ticketRef")}
        />
        <TextArea
          label={t("reason")}
          hint={t("reasonHint")}
          error={errors.reason?.message}
          {...form.register("reason")}
        />
        <Button type="submit">{isSubmitting ? t("opening") : t("open")}</Button>
      </fieldset>
    </form>
  );
}

export function BreakGlassForm({ userId }: { userId: string }) {
  const t = useTranslations("support.account");
  const text = useMessageText();
  const [error, setError] = useState<string | null>(null);
  const form = useForm<BreakGlassInput>({
    resolver: zodResolver(breakGlassSchema),
    defaultValues: { userId, justification: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    const result = await breakGlassAction(values);
    if (result) setError(applyActionErrors(result, form.setError));
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {error && <Alert tone="error">{text(error)}</Alert>}
      <fieldset disabled={isSubmitting} className="space-y-4">
        <TextArea
          label={t("justification")}
          hint={t("reasonHint")}
          error={errors.justification?.message}
          {...form.register("justification")}
        />
        <Button type="submit" variant="danger">
          {isSubmitting ? t("opening") : t("openWithout")}
        </Button>
      </fieldset>
    </form>
  );
}
