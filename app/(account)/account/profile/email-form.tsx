"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { emailChangeSchema, type EmailChangeInput } from "@/lib/validation/auth";
import { requestEmailChangeAction } from "../actions";

export function EmailChangeForm({ current, pending }: { current: string; pending: string | null }) {
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(
    pending
      ? {
          tone: "success",
          text: `We are waiting for you to confirm ${pending}: follow the link we sent there.`,
        }
      : null,
  );
  const form = useForm<EmailChangeInput>({
    resolver: zodResolver(emailChangeSchema),
    defaultValues: { newEmail: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await withStepUp(() => requestEmailChangeAction(values));
    if (result.ok) {
      setStatus({
        tone: "success",
        text: `We sent a link to ${result.data.sentTo}. Your address changes when you follow it; until then we keep using ${current}.`,
      });
      form.reset();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });
  return (
    <>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <p className="text-sm text-slate-700">
          You sign in with <strong>{current}</strong>.
        </p>
        {status && <Alert tone={status.tone}>{status.text}</Alert>}
        <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
          <TextField
            label="New email address"
            type="email"
            autoComplete="email"
            error={errors.newEmail?.message}
            {...form.register("newEmail")}
          />
          <Button type="submit">{isSubmitting ? "Sending…" : "Change email address"}</Button>
        </fieldset>
      </form>
      {dialog}
    </>
  );
}
