"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { passwordChangeSchema, type PasswordChangeInput } from "@/lib/validation/auth";
import { changePasswordAction } from "../actions";

export function PasswordForm() {
  const t = useTranslations("security.password");
  // "changed" is kept as a fact, not a sentence: it follows a change of language.
  const [status, setStatus] = useState<
    { tone: "success"; text?: undefined } | { tone: "error"; text: string } | null
  >(null);
  const form = useForm<PasswordChangeInput>({
    resolver: zodResolver(passwordChangeSchema),
    defaultValues: { currentPassword: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await changePasswordAction(values);
    if (result.ok) {
      form.reset();
      setStatus({ tone: "success" });
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text ?? t("changed")}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="grid gap-4 sm:grid-cols-3">
        <TextField
          label={t("current")}
          type="password"
          autoComplete="current-password"
          error={errors.currentPassword?.message}
          {...form.register("currentPassword")}
        />
        <NewPasswordFields
          password={form.register("password")}
          confirm={form.register("confirm")}
          errors={{ password: errors.password?.message, confirm: errors.confirm?.message }}
          labels={{ password: t("new"), confirm: t("repeat") }}
        />
      </fieldset>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? t("submitting") : t("submit")}
      </Button>
    </form>
  );
}
