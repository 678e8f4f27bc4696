"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
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

type Status =
  { tone: "success"; kind: "waiting" | "sent"; email: string } | { tone: "error"; text: string };

export function EmailChangeForm({ current, pending }: { current: string; pending: string | null }) {
  const t = useTranslations("profile.email");
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<Status | null>(
    pending ? { tone: "success", kind: "waiting", email: pending } : null,
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
      setStatus({ tone: "success", kind: "sent", email: result.data.sentTo });
      form.reset();
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });
  return (
    <>
      <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
        <p className="text-sm break-words text-slate-700">
          {t.rich("current", { email: current, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        {status && (
          <Alert tone={status.tone}>
            {status.tone === "error"
              ? status.text
              : status.kind === "waiting"
                ? t("waiting", { email: status.email })
                : t("sent", { email: status.email, current })}
          </Alert>
        )}
        <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
          <TextField
            label={t("label")}
            type="email"
            autoComplete="email"
            error={errors.newEmail?.message}
            {...form.register("newEmail")}
          />
          <Button type="submit">{isSubmitting ? t("submitting") : t("submit")}</Button>
        </fieldset>
      </form>
      {dialog}
    </>
  );
}
