"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { SelectField, TextField } from "@/components/ui/field";
import type { ActionResult } from "@/lib/actions";
import {
  deleteDataSchema,
  type DeleteDataInput,
  type DeleteDataValues,
} from "@/lib/validation/delete-data";
import { countDeletableAction, deleteDataAction } from "./actions";

export type DeletableOption = { id: string; title: string };

type Step =
  | { kind: "choose" }
  | { kind: "confirm"; values: DeleteDataValues; count: number }
  | { kind: "done"; deleted: number; what: string; range: string };

export function DeleteDataForm({ options }: { options: DeletableOption[] }) {
  const t = useTranslations("rights.deleteData");
  const format = useFormatter();
  const text = useMessageText();
  const router = useRouter();
  const [step, setStep] = useState<Step>({ kind: "choose" });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const {
    register,
    handleSubmit,
    formState,
    setError: setFieldError,
  } = useForm<DeleteDataInput, unknown, DeleteDataValues>({
    resolver: zodResolver(deleteDataSchema),
    defaultValues: { category: options[0]?.id as DeleteDataInput["category"], from: "", to: "" },
  });
  const errors = formState.errors;
  const titleOf = (id: string) => options.find((o) => o.id === id)?.title.toLowerCase() ?? id;
  // A chosen day is a calendar day, not an instant: shown as written, in the viewer's language.
  const day = (d: string) =>
    format.dateTime(new Date(`${d}T00:00:00Z`), { dateStyle: "medium", timeZone: "UTC" });
  const rangeWords = (v: DeleteDataValues) =>
    t("range", {
      range: v.from && v.to ? "both" : v.from ? "from" : v.to ? "to" : "all",
      from: v.from ? day(v.from) : "",
      to: v.to ? day(v.to) : "",
    });

  function showErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setError(text(result.formError) ?? t("failed"));
    for (const [field, messages] of Object.entries(result.fieldErrors ?? {}))
      if (messages?.[0]) setFieldError(field as keyof DeleteDataInput, { message: messages[0] });
  }

  async function count(values: DeleteDataValues) {
    setError(null);
    const input = { category: values.category, from: values.from ?? "", to: values.to ?? "" };
    const result = await countDeletableAction(input);
    if (!result.ok) return showErrors(result);
    setStep({ kind: "confirm", values, count: result.data.count });
  }

  async function confirm(values: DeleteDataValues) {
    setBusy(true);
    setError(null);
    const input = { category: values.category, from: values.from ?? "", to: values.to ?? "" };
    const result = await deleteDataAction(input);
    setBusy(false);
    if (!result.ok) return showErrors(result);
    setStep({
      kind: "done",
      deleted: result.data.deleted,
      what: titleOf(values.category),
      range: rangeWords(values),
    });
    router.refresh();
  }

  return (
    <div className="space-y-4">
      <form onSubmit={handleSubmit(count)} className="space-y-4" noValidate>
        <fieldset
          disabled={formState.isSubmitting || step.kind === "confirm"}
          className="space-y-4"
        >
          <SelectField label={t("kind")} {...register("category")} error={errors.category?.message}>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label={t("from")}
              type="date"
              {...register("from")}
              error={errors.from?.message}
            />
            <TextField label={t("to")} type="date" {...register("to")} error={errors.to?.message} />
          </div>
          <p className="text-sm text-slate-600">{t("allDates")}</p>
          <Button type="submit">{t("count")}</Button>
        </fieldset>
      </form>
      {step.kind === "confirm" && (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
          <p role="status" className="text-sm text-red-950">
            {step.count === 0
              ? t("none", {
                  what: titleOf(step.values.category),
                  range: rangeWords(step.values),
                })
              : t("confirm", {
                  count: step.count,
                  what: titleOf(step.values.category),
                  range: rangeWords(step.values),
                })}
          </p>
          <div className="flex flex-wrap gap-2">
            {step.count > 0 && (
              <Button
                type="button"
                variant="danger"
                disabled={busy}
                onClick={() => confirm(step.values)}
              >
                {t("delete", { count: step.count })}
              </Button>
            )}
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => setStep({ kind: "choose" })}
            >
              {t("change")}
            </Button>
          </div>
        </div>
      )}
      {step.kind === "done" && (
        <Alert tone="success">
          {t("done", { count: step.deleted, what: step.what, range: step.range })}
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
