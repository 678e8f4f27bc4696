"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { passwordResetSchema, type PasswordResetInput } from "@/lib/validation/auth";
import { resetPasswordAction } from "../actions";

export function ResetPasswordForm({ token }: { token: string }) {
  const t = useTranslations("auth.reset");
  const [done, setDone] = useState(false);
  const [formError, setFormError] = useState<string | null>(null);
  const form = useForm<PasswordResetInput>({
    resolver: zodResolver(passwordResetSchema),
    defaultValues: { token, password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await resetPasswordAction(values);
    if (result.ok) setDone(true);
    else setFormError(applyActionErrors(result, form.setError));
  });
  if (done) {
    return (
      <div className="space-y-3">
        <Alert tone="success">{t("done")}</Alert>
        <Link href="/sign-in">{t("signIn")}</Link>
      </div>
    );
  }
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && (
        <Alert tone="error">
          {formError} <Link href="/forgot-password">{t("askNew")}</Link>
        </Alert>
      )}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
        <NewPasswordFields
          password={form.register("password")}
          confirm={form.register("confirm")}
          errors={{ password: errors.password?.message, confirm: errors.confirm?.message }}
        />
        <Button type="submit">{isSubmitting ? t("submitting") : t("submit")}</Button>
      </fieldset>
    </form>
  );
}
