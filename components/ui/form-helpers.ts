"use client";
import type { FieldValues, Path, UseFormSetError } from "react-hook-form";
import type { ActionResult } from "@/lib/actions";

/** Puts a server action's field errors next to the fields; returns the form-level message. */
export function applyActionErrors<T extends FieldValues>(
  result: ActionResult<unknown>,
  setError: UseFormSetError<T>,
): string | null {
  if (result.ok) return null;
  for (const [field, messages] of Object.entries(result.fieldErrors ?? {})) {
    if (messages?.[0]) setError(field as Path<T>, { type: "server", message: messages[0] });
  }
  return result.formError ?? "Something went wrong. Nothing was changed; please try again.";
}
