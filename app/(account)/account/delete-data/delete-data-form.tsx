"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
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

const fmt = new Intl.NumberFormat("en-GB");

export type DeletableOption = { id: string; title: string };

function rangeWords(v: DeleteDataValues): string {
  if (v.from && v.to) return `from ${v.from} to ${v.to}`;
  if (v.from) return `from ${v.from} on`;
  if (v.to) return `up to ${v.to}`;
  return "of all time";
}

type Step =
  | { kind: "choose" }
  | { kind: "confirm"; values: DeleteDataValues; count: number }
  | { kind: "done"; deleted: number; what: string };

export function DeleteDataForm({ options }: { options: DeletableOption[] }) {
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

  function showErrors(result: Extract<ActionResult<unknown>, { ok: false }>) {
    setError(result.formError ?? "Something went wrong.");
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
      what: `${titleOf(values.category)} ${rangeWords(values)}`,
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
          <SelectField
            label="Kind of data"
            {...register("category")}
            error={errors.category?.message}
          >
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.title}
              </option>
            ))}
          </SelectField>
          <div className="grid gap-4 sm:grid-cols-2">
            <TextField
              label="From (optional)"
              type="date"
              {...register("from")}
              error={errors.from?.message}
            />
            <TextField
              label="To, inclusive (optional)"
              type="date"
              {...register("to")}
              error={errors.to?.message}
            />
          </div>
          <p className="text-sm text-slate-600">
            Leave both dates empty to delete all of that kind.
          </p>
          <Button type="submit">Count what would be deleted</Button>
        </fieldset>
      </form>
      {step.kind === "confirm" && (
        <div className="space-y-3 rounded-md border border-red-200 bg-red-50 p-4">
          <p role="status" className="text-sm text-red-950">
            {step.count === 0
              ? `There are no ${titleOf(step.values.category)} ${rangeWords(step.values)}: nothing to delete.`
              : `This deletes ${fmt.format(step.count)} ${titleOf(step.values.category)} ${rangeWords(step.values)}. This cannot be undone.`}
          </p>
          <div className="flex flex-wrap gap-2">
            {step.count > 0 && (
              <Button
                type="button"
                variant="danger"
                disabled={busy}
                onClick={() => confirm(step.values)}
              >
                Delete {fmt.format(step.count)} now
              </Button>
            )}
            <Button
              type="button"
              variant="secondary"
              disabled={busy}
              onClick={() => setStep({ kind: "choose" })}
            >
              Change the choice
            </Button>
          </div>
        </div>
      )}
      {step.kind === "done" && (
        <Alert tone="success">
          Deleted {fmt.format(step.deleted)} {step.what}.
        </Alert>
      )}
      {error && <Alert tone="error">{error}</Alert>}
    </div>
  );
}
