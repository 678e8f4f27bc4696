"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { useHydrated } from "@/components/ui/use-hydrated";
import { applyActionErrors } from "@/components/ui/form-helpers";
import type { CategoryId } from "@/lib/catalog/ids";
import { autoDeleteSchema, type AutoDeleteInput } from "@/lib/validation/auto-delete";
import { setAutoDeleteAction } from "./actions";

/** A labelled radio group and Save; the server checks the period against the catalog again. */
export function AutoDeleteForm({
  category,
  current,
  options,
  standard,
}: {
  category: CategoryId;
  current: AutoDeleteInput["period"];
  options: number[];
  standard: string;
}) {
  const text = useMessageText();
  const router = useRouter();
  const hydrated = useHydrated();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);
  const form = useForm<AutoDeleteInput>({
    resolver: zodResolver(autoDeleteSchema),
    defaultValues: { category, period: current },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    setStatus(null);
    const result = await setAutoDeleteAction(values);
    if (result.ok) {
      const months = result.data.months;
      setStatus({
        tone: "success",
        text: months
          ? `Saved: items older than ${months} months will be deleted.`
          : "Saved: we keep these items for the standard period.",
      });
      form.reset(values);
      router.refresh(); // the panel's period and date above
    } else {
      setStatus({ tone: "error", text: applyActionErrors(result, form.setError) ?? "" });
    }
  });

  const choices = [
    { value: "standard", label: `Keep for the standard period (${standard.replace(/\.$/, "")})` },
    ...options.map((m) => ({ value: String(m), label: `Delete items older than ${m} months` })),
  ];
  return (
    <form method="post" onSubmit={onSubmit} noValidate className="space-y-4">
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      <fieldset
        disabled={isSubmitting || !hydrated}
        className="space-y-2"
        aria-describedby={errors.period ? "auto-delete-error" : undefined}
      >
        <legend className="mb-2 text-sm font-medium text-slate-800">How long to keep items</legend>
        <input type="hidden" {...form.register("category")} />
        {choices.map((c) => (
          <div key={c.value} className="flex items-start gap-3">
            <input
              id={`auto-delete-${c.value}`}
              type="radio"
              value={c.value}
              className="mt-1 size-5 shrink-0"
              {...form.register("period")}
            />
            <label htmlFor={`auto-delete-${c.value}`} className="text-sm">
              {c.label}
            </label>
          </div>
        ))}
        {errors.period?.message && (
          <p id="auto-delete-error" className="text-sm text-red-700">
            {text(errors.period.message)}
          </p>
        )}
      </fieldset>
      <Button type="submit" disabled={isSubmitting || !hydrated}>
        {isSubmitting ? "Saving…" : "Save auto-delete"}
      </Button>
    </form>
  );
}
