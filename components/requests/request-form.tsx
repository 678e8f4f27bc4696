"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useTranslations } from "next-intl";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useId, useState } from "react";
import { useForm, useWatch, type Resolver } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import { applyActionErrors } from "@/components/ui/form-helpers";
import { useHydrated } from "@/components/ui/use-hydrated";
import type { ActionResult } from "@/lib/actions";
import { KINDS_NEEDING_DETAILS } from "@/lib/requests/kinds";
import type { RequestKind } from "@/lib/requests/clock";
import {
  DETAILS_MAX,
  holderRequestSchema,
  publicRequestSchema,
  type HolderRequestInput,
  type PublicRequestInput,
} from "@/lib/validation/requests";

type Values = PublicRequestInput;

/**
 * The request form, for the signed-in holder (kind and details; on success, their tracker) and
 * for a visitor (plus the email address; on success, always the same "check your email").
 */
export function RequestForm({
  mode,
  kinds,
  defaultKind,
  dueDays,
  ownPages = [],
  action,
}: {
  mode: "holder" | "public";
  kinds: readonly RequestKind[];
  defaultKind?: RequestKind;
  dueDays: number;
  /** Kinds with their own page; the label is the page's name in the viewer's language. */
  ownPages?: { kind: RequestKind; href: string; label: string }[];
  action:
    | ((values: PublicRequestInput) => Promise<ActionResult<{ reference?: string }>>)
    | ((values: HolderRequestInput) => Promise<ActionResult<{ reference?: string }>>);
}) {
  const t = useTranslations("requests");
  const text = useMessageText();
  const router = useRouter();
  const hydrated = useHydrated();
  const [error, setError] = useState<string | null>(null);
  const [sent, setSent] = useState(false);
  const detailsId = useId();
  const schema = mode === "public" ? publicRequestSchema : holderRequestSchema;
  const form = useForm<Values>({
    // The holder's schema has no email; its values simply carry none.
    resolver: zodResolver(schema as typeof publicRequestSchema) as Resolver<Values>,
    defaultValues: { email: "", kind: defaultKind ?? ("" as RequestKind), details: "" },
  });
  const { errors, isSubmitting } = form.formState;
  const kind = useWatch({ control: form.control, name: "kind" });
  const detailsRequired = KINDS_NEEDING_DETAILS.includes(kind as RequestKind);

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    // The server parses with the same schema as the mode's resolver did here.
    const result = await (action as (v: Values) => Promise<ActionResult<{ reference?: string }>>)(
      values,
    );
    if (!result.ok) {
      setError(applyActionErrors(result, form.setError));
      return;
    }
    if (mode === "holder" && result.data.reference) {
      router.push(`/account/requests/${result.data.reference}`);
    } else {
      setSent(true);
    }
  });

  if (sent) {
    return (
      <Alert tone="success">
        <strong className="block">{t("form.sentTitle")}</strong>
        {t("form.sent")}
      </Alert>
    );
  }

  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-5">
      {error && <Alert tone="error">{error}</Alert>}
      <fieldset disabled={isSubmitting || !hydrated} className="space-y-5">
        {mode === "public" && (
          <TextField
            label={t("form.email")}
            type="email"
            autoComplete="email"
            hint={t("form.emailHint")}
            error={errors.email?.message}
            {...form.register("email")}
          />
        )}
        <fieldset
          className="space-y-2"
          aria-describedby={errors.kind ? `${detailsId}-kind-error` : undefined}
        >
          <legend className="text-sm font-medium text-slate-800">{t("form.what")}</legend>
          {kinds.map((k) => (
            <label
              key={k}
              className="flex gap-3 rounded-md border border-slate-200 p-3 has-[:checked]:border-brand-700"
            >
              <input type="radio" value={k} className="mt-1" {...form.register("kind")} />
              <span>
                <span className="block text-sm font-medium">{t(`kind.${k}.label`)}</span>
                <span className="block text-sm text-slate-700">{t(`kind.${k}.description`)}</span>
              </span>
            </label>
          ))}
          {errors.kind && (
            <p id={`${detailsId}-kind-error`} className="text-sm text-red-700">
              {text(errors.kind.message)}
            </p>
          )}
          {ownPages.length > 0 && (
            <div className="text-sm text-slate-700">
              <p>{t("form.ownPages")}</p>
              <ul className="list-disc pl-5">
                {ownPages.map((p) => (
                  <li key={p.kind}>
                    {/* Not prefetched: those pages are seldom the next step from here. */}
                    <Link href={p.href} prefetch={false}>
                      {p.label}
                    </Link>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </fieldset>
        <div className="space-y-1">
          <label htmlFor={detailsId} className="block text-sm font-medium text-slate-800">
            {detailsRequired ? t("form.details") : t("form.detailsOptional")}
          </label>
          <textarea
            id={detailsId}
            rows={5}
            maxLength={DETAILS_MAX}
            aria-invalid={errors.details ? true : undefined}
            aria-describedby={errors.details ? `${detailsId}-error` : `${detailsId}-hint`}
            className={`block w-full rounded-md border bg-white px-3 py-2 text-base text-slate-900 shadow-sm sm:text-sm ${errors.details ? "border-red-600" : "border-slate-300"}`}
            {...form.register("details")}
          />
          {errors.details ? (
            <p id={`${detailsId}-error`} className="text-sm text-red-700">
              {text(errors.details.message)}
            </p>
          ) : (
            <p id={`${detailsId}-hint`} className="text-xs text-slate-600">
              {t("form.detailsHint", { max: DETAILS_MAX })}
            </p>
          )}
        </div>
        <p className="text-sm text-slate-700">
          {mode === "public"
            ? t("form.answerPublic", { days: dueDays })
            : t("form.answerHolder", { days: dueDays })}
        </p>
        <Button type="submit">{isSubmitting ? t("form.sending") : t("form.send")}</Button>
      </fieldset>
    </form>
  );
}
