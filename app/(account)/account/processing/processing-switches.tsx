"use client";
import { useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Alert } from "@/components/ui/alert";
import type { ProcessingScope } from "@/lib/processing/scopes";
import { setProcessingChoiceAction } from "./actions";

/**
 * One real checkbox per scope. Each click is saved at once (no Save button): the law says the
 * restriction applies from the moment it is asked for, so the page behaves the same.
 */
export function ProcessingSwitches({
  legend,
  scopes,
  active,
}: {
  legend: string;
  scopes: ProcessingScope[];
  active: string[];
}) {
  const t = useTranslations("rights.processing");
  const router = useRouter();
  const [on, setOn] = useState(() => new Set(active));
  const [pending, startTransition] = useTransition();
  const [status, setStatus] = useState<{ tone: "success" | "error"; text: string } | null>(null);

  const flip = (scope: string, checked: boolean) =>
    setOn((prev) => {
      const next = new Set(prev);
      if (checked) next.add(scope);
      else next.delete(scope);
      return next;
    });

  const toggle = (s: ProcessingScope, checked: boolean) => {
    // The switch moves at once; a refusal (e.g. a read-only support view) moves it back.
    flip(s.scope, checked);
    startTransition(async () => {
      setStatus(null);
      const result = await setProcessingChoiceAction({ kind: s.kind, scope: s.scope, on: checked });
      if (!result.ok) {
        flip(s.scope, !checked);
        setStatus({ tone: "error", text: result.formError ?? t("failed") });
        return;
      }
      const now = s.kind === "restriction" ? result.data.restricted : result.data.objections;
      setOn(new Set(now));
      setStatus({
        tone: "success",
        text: t(checked ? "savedOn" : "savedOff", { label: s.label }),
      });
      router.refresh(); // the history below
    });
  };

  return (
    <fieldset disabled={pending} className="space-y-4">
      <legend className="sr-only">{legend}</legend>
      {status && <Alert tone={status.tone}>{status.text}</Alert>}
      {scopes.map((s) => {
        const id = `${s.kind}-${s.scope}`;
        const checked = on.has(s.scope);
        return (
          <div key={id} className="flex items-start gap-3">
            <input
              id={id}
              type="checkbox"
              role="switch"
              aria-describedby={`${id}-hint`}
              className="mt-1 size-5 shrink-0"
              checked={checked}
              onChange={(e) => toggle(s, e.target.checked)}
            />
            <div>
              <label htmlFor={id} className="block font-medium">
                {s.label}
              </label>
              <p id={`${id}-hint`} className="text-sm text-slate-700">
                {s.explanation}{" "}
                <span className="font-medium">
                  {t("now", { on: String(checked) })}
                  {s.effect === "weighed" && ` ${t("weighed")}`}
                </span>
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}
