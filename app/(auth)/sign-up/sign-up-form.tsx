"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { TextField } from "@/components/ui/field";
import { NewPasswordFields } from "@/components/auth/new-password-fields";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { signUpAction } from "../actions";

export function SignUpForm() {
  const t = useTranslations("auth.signUp");
  const [formError, setFormError] = useState<string | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const form = useForm<SignUpInput>({
    resolver: zodResolver(signUpSchema),
    defaultValues: { name: "", email: "", password: "", confirm: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const hydrated = useHydrated();

  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(null);
    const result = await signUpAction(values);
    if (result.ok) setSentTo(values.email);
    else setFormError(applyActionErrors(result, form.setError));
  });

  if (sentTo) {
    return (
      <Alert tone="success">
        <p className="font-medium">{t("sentTitle")}</p>
        <p>{t.rich("sent", { email: sentTo, strong: (chunks) => <strong>{chunks}</strong> })}</p>
      </Alert>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {formError && <Alert tone="error">{formError}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-4">
        <TextField
          label={t("name")}
          autoComplete="name"
          error={errors.name?.message}
          {...form.register("name")}
        />
        <TextField
          label={t("email")}
          type="email"
          autoComplete="email"
          error={errors.email?.message}
          {...form.register("email")}
        />
        <NewPasswordFields
          password={form.register("password")}
          confirm={form.register("confirm")}
          errors={{ password: errors.password?.message, confirm: errors.confirm?.message }}
          labels={{ password: t("password"), confirm: t("confirm") }}
          hint={t("hint")}
        />
        <Button type="submit" className="w-full">
          {isSubmitting ? t("submitting") : t("submit")}
        </Button>
      </fieldset>
      <p className="text-sm">
        {t.rich("haveAccount", { link: (chunks) => <Link href="/sign-in">{chunks}</Link> })}
      </p>
    </form>
  );
}
