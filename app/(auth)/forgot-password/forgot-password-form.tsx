"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { forgotPasswordSchema } from "@/lib/validation/auth";
import { forgotPasswordAction } from "../actions";

export function ForgotPasswordForm() {
  const t = useTranslations("auth.forgot");
  const [sent, setSent] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<{ email: string }>({
    resolver: zodResolver(forgotPasswordSchema),
    defaultValues: { email: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await forgotPasswordAction(values);
    if (result.ok) setSent(true);
    else setFormError(applyActionErrors(result, form.setError));
  });
  if (sent) {
    return <Alert tone="success">{t("sent")}</Alert>;
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <Button type="submit">{isSubmitting ? t("submitting") : t("submit")}</Button>
      </fieldset>
    </form>
  );
}
