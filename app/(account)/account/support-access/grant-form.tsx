"use client";
import { zodResolver } from "@hookform/resolvers/zod";
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

export function GrantForm() {
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<GrantInput>({
    resolver: zodResolver(grantSchema),
    defaultValues: { ticketRef: "", hours: "1" },
  });
  const { errors, isSubmitting } = form.formState;
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await withStepUp(() => grantSupportAccessAction(values));
    if (result.ok) {
      setStatus({
        tone: "success",
        text: `Support may look at your account for ticket ${result.data.ticketRef} until ${formatDateTime(result.data.expiresAt)}.`,
      });
      form.reset();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset disabled={isSubmitting} className="grid gap-4 sm:grid-cols-2">
        <TextField
          label="Ticket reference"
          hint="From our support team's mail, for example SUP-12345."
          autoComplete="off"
          error={errors.ticketRef?.message}
          {...form.register("ticketRef")}
        />
        <SelectField label="For how long" error={errors.hours?.message} {...form.register("hours")}>
          {GRANT_HOURS.map((h) => (
            <option key={h} value={String(h)}>
              {h === 1 ? "1 hour" : `${h} hours`}
            </option>
          ))}
        </SelectField>
        <div className="sm:col-span-2">
          <Button type="submit">{isSubmitting ? "Saving…" : "Give access"}</Button>
        </div>
      </fieldset>
      {dialog}
    </form>
  );
}
