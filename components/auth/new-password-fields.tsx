"use client";
import { useTranslations } from "next-intl";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/field";

/** A new password and its repetition, as every form that sets a password asks for them. */
export function NewPasswordFields({
  password,
  confirm,
  errors,
  labels,
  hint,
}: {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password?: string; confirm?: string };
  labels?: { password: string; confirm: string };
  hint?: string;
}) {
  const t = useTranslations("auth.newPassword");
  return (
    <>
      <TextField
        label={labels?.password ?? t("password")}
        type="password"
        autoComplete="new-password"
        hint={hint}
        error={errors.password}
        {...password}
      />
      <TextField
        label={labels?.confirm ?? t("confirm")}
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
        {...confirm}
      />
    </>
  );
}
