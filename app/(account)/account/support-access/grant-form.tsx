"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useLocale, useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { GRANT_HOURS, grantSchema, type GrantInput } from "@/lib/validation/support";
import { grantSupportAccessAction } from "./actions";
import { formatDateTime } from "@/lib/format";

type Status = { tone: "success"; ticket: string; until: string } | { tone: "error"; text: string };

export function GrantForm() {
  const t = useTranslations("security.supportAccess");
  const locale = useLocale();
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<Status | null>(null);
  const form = useForm<GrantInput>({
    resolver: zodResolver(grantSchema),
    defaultValues: { ticketRef: "", hours: "1" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await withStepUp(() => grantSupportAccessAction(values));
    if (result.ok) {
      // Shown after a click, never during hydration: the browser's own zone is safe here.
      const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      setStatus({
        tone: "success",
        ticket: result.data.ticketRef,
        until: formatDateTime(result.data.expiresAt, { locale, timeZone }),
      });
      form.reset();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status && (
        <Alert tone={status.tone}>
          {status.tone === "success"
            ? t("granted", { ticket: status.ticket, until: status.until })
            : status.text}
        </Alert>
      )}
      <fieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <TextField
          label={t("ticketRef")}
          hint={t("ticketHint")}
          autoComplete="off"
          error={errors.ticketRef?.message}
          {...form.register("ticketRef")}
        />
        <SelectField label={t("hours")} error={errors.hours?.message} {...form.register("hours")}>
          {GRANT_HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {t("hourOption", { hours: h })}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Button type="submit">{isSubmitting ? t("submitting") : t("submit")}</Button>
        </div>
      </fieldset>
      {dialog}
    </form>
  );
}
