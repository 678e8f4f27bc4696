import { getLocale, getTimeZone, getTranslations } from "next-intl/server";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { formatLongDateTime } from "@/lib/format";
import { isLocale } from "@/lib/i18n/config";

/** What every server action returns; forms map fieldErrors back onto their inputs. */
export type ActionResult<T = null> =
  | { ok: true; data: T }
  | {
      ok: false;
      /** Text for people, already in the viewer's language (or a "validation.…" key). */
      formError?: string;
      /** Keys ("validation.…") that the form's fields show translated (useMessageText). */
      fieldErrors?: Record<string, string[] | undefined>;
      /** The password must be confirmed first (step-up), then the action can be retried. */
      reauth?: true;
    };

export function ok<T>(data: T): ActionResult<T> {
  return { ok: true, data };
}

/** The zod issues of a form, with one line above the form in the viewer's language. */
export async function invalid(error: z.ZodError, formError?: string): Promise<ActionResult<never>> {
  return {
    ok: false,
    formError: formError ?? (await getTranslations("errors"))("correctFields"),
    fieldErrors: z.flattenError(error).fieldErrors as Record<string, string[]>,
  };
}

export function failure(
  formError: string,
  fieldErrors?: Record<string, string[]>,
): ActionResult<never> {
  return { ok: false, formError, fieldErrors };
}

const KEY = /^(errors|validation)\.[A-Za-z0-9_.]+$/;

/**
 * A refusal's text in the viewer's language: its messageKey (with its values, a Date in the
 * viewer's zone), else its message when that is itself a key, else the message as it is.
 * Translated here, on the server, so that every form that shows formError (whoever wrote it)
 * shows it in the viewer's language without knowing about keys.
 */
async function refusalText(error: AppError): Promise<string> {
  const t = await getTranslations();
  if (error.messageKey) {
    const locale = await getLocale();
    const timeZone = await getTimeZone();
    const values = Object.fromEntries(
      Object.entries(error.messageValues).map(([name, value]) => [
        name,
        value instanceof Date
          ? formatLongDateTime(value, { locale: isLocale(locale) ? locale : "en", timeZone })
          : value,
      ]),
    );
    return t(`errors.${error.messageKey}`, values);
  }
  if (KEY.test(error.message)) {
    const key = error.message as Parameters<typeof t>[0];
    if (t.has(key)) return t(key);
  }
  return error.message;
}

/**
 * The single mapping for server actions: an AppError (a guard's or the data layer's refusal)
 * becomes a result the form can show, in the viewer's language. Anything else (including
 * Next's redirect and notFound signals) is rethrown untouched.
 */
export async function refusal(error: unknown): Promise<ActionResult<never>> {
  if (!(error instanceof AppError)) throw error;
  return {
    ok: false,
    formError: await refusalText(error),
    ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}),
    ...(error.code === "reauth_required" ? { reauth: true as const } : {}),
  };
}
