import { z } from "zod";
import { AppError } from "@/lib/errors";

/** What every server action returns; forms map fieldErrors back onto their inputs. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      formError?: string;
      fieldErrors?: Record<string, string[] | undefined>;
      /** The password must be confirmed first (step-up), then the action can be retried. */
      reauth?: true;
    };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

export function invalid(error: z.ZodError, formError?: string): ActionResult<never> {
  return {
    ok: false,
    formError: formError ?? "Please correct the fields marked below.",
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
  };
}

export function failure(
  formError: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}

/**
 * The single mapping for server actions: an AppError (a guard's or the data layer's refusal)
 * becomes a result the form can show. Anything else (including Next's redirect and notFound
 * signals) is rethrown untouched.
 */
export function refusal(error: unknown): ActionResult<never> {
  if (!(error instanceof AppError)) throw error;
  return {
    ok: false,
    formError: error.message,
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.code === "reauth_required" ? { reauth: true as const } : {}),
  };
}
