import { z } from "zod";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";

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
 * Turns the guards' refusals into results a form can show. Anything else (including Next's
 * redirect and notFound signals) is rethrown untouched.
 */
export function refusal(error: unknown): ActionResult<never> {
  if (error instanceof ReauthRequiredError) {
    return { ok: false, reauth: true, formError: error.message };
  }
  if (error instanceof ReadOnlyError) return { ok: false, formError: error.message };
  throw error;
}
