"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/field";

/** A new password and its repetition, as every form that sets a password asks for them. */
export function NewPasswordFields({
  password,
  confirm,
  errors,
  labels = { password: "New password", confirm: "Repeat the new password" },
  hint,
}: {
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password?: string; confirm?: string };
  labels?: { password: string; confirm: string };
  hint?: string;
}) {
  return (
    <>
      <TextField
        label={labels.password}
        type="password"
        autoComplete="new-password"
        hint={hint}
        error={errors.password}
        {...password}
      />
      <TextField
        label={labels.confirm}
        type="password"
        autoComplete="new-password"
        error={errors.confirm}
        {...confirm}
      />
    </>
  );
}
