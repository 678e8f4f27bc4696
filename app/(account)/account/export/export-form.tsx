"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useFormatter, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { useMessageText } from "@/components/i18n/message-text";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import type { RefusalCode } from "@/lib/export/http";
import {
  exportFormSchema,
  type ExportFormInput,
  type ExportFormValues,
} from "@/lib/validation/export";
import { confirmExportAction, exportProgressAction } from "./actions";
import { exportQuery, sizeParts } from "./download";

export type ExportCategoryOption = {
  id: string;
  title: string;
  summary: string;
  timeSeries: boolean;
};

type Status =
  | { kind: "idle" }
  | { kind: "starting" }
  | { kind: "started"; fileName: string | null }
  | { kind: "done"; fileName: string | null; bytes: number; records: number }
  | { kind: "failed"; message: string };

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
// The route answers within seconds or not at all (a refusal brings this page back with
// ?refused=…); past this the page stops waiting for the download to appear in the history.
const START_TIMEOUT_MS = 60_000;
const WATCH_LIMIT_MS = 2 * 60 * 60 * 1000;

/**
 * The export form. The download is a navigation to the streaming route, so the browser writes
 * the file straight to disk (the tab's memory does not grow with the file); the page follows
 * it in the export history (started, then finished) and moves focus to the result.
 */
export function ExportForm({
  options,
  refused,
}: {
  options: ExportCategoryOption[];
  refused: RefusalCode | null;
}) {
  const t = useTranslations("export");
  const format = useFormatter();
  const messageText = useMessageText();
  const router = useRouter();
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<Status>(
    refused ? { kind: "failed", message: t(`refused.${refused}`) } : { kind: "idle" },
  );
  const result = useRef<HTMLDivElement>(null);
  const { register, handleSubmit, formState } = useForm<ExportFormInput, unknown, ExportFormValues>(
    {
      resolver: zodResolver(exportFormSchema),
      defaultValues: {
        format: "json",
        categories: options.map((o) => o.id) as ExportFormInput["categories"],
        from: "",
        to: "",
      },
    },
  );
  const errors = formState.errors;

  // The button is disabled while a download runs: focus goes to the message that replaces it
  // (and to the result when it is known), never to <body>.
  useEffect(() => {
    if (status.kind !== "idle") result.current?.focus();
  }, [status.kind]);

  async function start(values: ExportFormValues): Promise<void> {
    setStatus({ kind: "starting" });
    const confirmed = await withStepUp(() => confirmExportAction());
    if (!confirmed.ok) {
      setStatus({
        kind: "failed",
        message: confirmed.reauth
          ? t("form.notConfirmed")
          : messageText(confirmed.formError) || t("form.notStarted"),
      });
      return;
    }
    window.location.assign(exportQuery(values));
    const begun = Date.now();
    let seen = false;
    for (;;) {
      // Once the download runs, the browser's own download bar shows it too: ask less often
      // after a minute, and stop asking after WATCH_LIMIT_MS (an export the server lost would
      // otherwise keep the tab asking for ever).
      const running = Date.now() - begun;
      if (seen && running > WATCH_LIMIT_MS) return;
      await sleep(!seen ? 400 : running > 60_000 ? 5000 : 1000);
      const progress = await exportProgressAction(confirmed.data.since).catch(() => null);
      const p = progress?.ok ? progress.data : null;
      if (!p) {
        if (!seen && Date.now() - begun > START_TIMEOUT_MS) {
          setStatus({ kind: "failed", message: t("form.unreachable") });
          return;
        }
        continue;
      }
      seen = true;
      if (p.status === "running") {
        setStatus((s) => (s.kind === "started" ? s : { kind: "started", fileName: p.fileName }));
        continue;
      }
      setStatus(
        p.status === "completed"
          ? { kind: "done", fileName: p.fileName, bytes: p.bytes ?? 0, records: p.records ?? 0 }
          : { kind: "failed", message: t("form.brokeOff") },
      );
      router.refresh();
      return;
    }
  }

  const size = (n: number) => {
    const s = sizeParts(n);
    return t(`bytes.${s.unit}`, { n: s.unit === "b" ? s.n : format.number(s.n) });
  };
  const busy = status.kind === "starting" || status.kind === "started";
  const timeSeries = options.filter((o) => o.timeSeries).map((o) => o.title.toLowerCase());
  return (
    <>
      {/* Outside the form: the dialog's own form must not submit (and restart) this one. */}
      {dialog}
      <form onSubmit={handleSubmit((v) => start(v))} className="space-y-6" noValidate>
        <fieldset disabled={formState.isSubmitting || busy} className="space-y-6">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">{t("form.format")}</legend>
            {(["json", "zip", "html"] as const).map((f) => (
              <label key={f} className="flex gap-2 text-sm">
                <input type="radio" value={f} {...register("format")} className="mt-1 size-4" />
                <span>{t(`form.${f}`)}</span>
              </label>
            ))}
          </fieldset>
          <Button type="submit">{t("form.submit")}</Button>
          <details className="group rounded-md border border-slate-200 p-3">
            <summary className="cursor-pointer text-sm font-medium text-slate-800">
              {t("form.includeSummary", { count: options.length })}
            </summary>
            <div className="mt-3 space-y-6">
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-800">{t("form.include")}</legend>
                <ul className="grid gap-2 sm:grid-cols-2">
                  {options.map((o) => (
                    <li key={o.id}>
                      <label className="flex gap-2 rounded-md border border-slate-200 p-3 text-sm">
                        <input
                          type="checkbox"
                          value={o.id}
                          {...register("categories")}
                          className="mt-1 size-4"
                        />
                        <span>
                          <span className="block font-medium text-slate-900">{o.title}</span>
                          <span className="block text-slate-600">{o.summary}</span>
                        </span>
                      </label>
                    </li>
                  ))}
                </ul>
              </fieldset>
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium text-slate-800">{t("form.range")}</legend>
                <p className="text-sm text-slate-600">
                  {t("form.rangeHelp", { kinds: format.list(timeSeries) })}
                </p>
                <div className="grid gap-4 sm:grid-cols-2">
                  <TextField
                    label={t("form.from")}
                    type="date"
                    {...register("from")}
                    error={messageText(errors.from?.message)}
                  />
                  <TextField
                    label={t("form.to")}
                    type="date"
                    {...register("to")}
                    error={messageText(errors.to?.message)}
                  />
                </div>
              </fieldset>
            </div>
          </details>
          {errors.categories && (
            <p className="text-sm text-red-700" role="alert">
              {messageText(errors.categories.message)}
            </p>
          )}
        </fieldset>
        <div
          ref={result}
          tabIndex={-1}
          className="rounded-md focus:outline-none focus-visible:ring-2 focus-visible:ring-brand-600"
        >
          {status.kind === "starting" && (
            <p role="status" className="text-sm text-slate-800">
              {t("form.starting")}
            </p>
          )}
          {status.kind === "started" && (
            <p role="status" className="text-sm text-slate-800">
              {status.fileName
                ? t("form.started", { fileName: status.fileName })
                : t("form.startedNoName")}
            </p>
          )}
          {status.kind === "done" && (
            <Alert tone="success">
              {status.fileName
                ? t("form.done", {
                    fileName: status.fileName,
                    size: size(status.bytes),
                    records: status.records,
                  })
                : t("form.doneNoName", { size: size(status.bytes), records: status.records })}
            </Alert>
          )}
          {status.kind === "failed" && (
            <Alert tone="error">{t("form.failed", { message: status.message })}</Alert>
          )}
        </div>
      </form>
    </>
  );
}
