"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { useStepUp } from "@/components/auth/step-up";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/field";
import {
  exportFormSchema,
  type ExportFormInput,
  type ExportFormValues,
} from "@/lib/validation/export";
import { confirmExportAction } from "./actions";
import { downloadExport, formatBytes, type DownloadProgress } from "./download";

export type ExportCategoryOption = {
  id: string;
  title: string;
  summary: string;
  timeSeries: boolean;
  tables: number;
};

type Status =
  | { kind: "idle" }
  | { kind: "running"; progress: DownloadProgress }
  | { kind: "done"; fileName: string; bytes: number; records: number }
  | { kind: "failed"; message: string };

const fmt = new Intl.NumberFormat("en-GB");

export function ExportForm({ options }: { options: ExportCategoryOption[] }) {
  const router = useRouter();
  const { withStepUp, dialog } = useStepUp();
  const [status, setStatus] = useState<Status>({ kind: "idle" });
  const [controller, setController] = useState<AbortController | null>(null);
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

  async function start(values: ExportFormValues, retried = false): Promise<void> {
    const confirmed = await withStepUp(() => confirmExportAction());
    if (!confirmed.ok) {
      setStatus({ kind: "failed", message: confirmed.formError ?? "The export could not start." });
      return;
    }
    const params = new URLSearchParams({
      format: values.format,
      categories: values.categories.join(","),
    });
    if (values.from) params.set("from", values.from);
    if (values.to) params.set("to", values.to);
    const headerLines = options
      .filter((o) => values.categories.includes(o.id as never))
      .reduce((n, o) => n + o.tables, 0);
    const abort = new AbortController();
    setController(abort);
    setStatus({ kind: "running", progress: { bytes: 0, records: 0 } });
    const result = await downloadExport(
      `/api/export?${params}`,
      values.format,
      headerLines,
      abort.signal,
      (progress) => setStatus({ kind: "running", progress }),
    );
    setController(null);
    if (!result.ok && result.reauth && !retried) return start(values, true);
    setStatus(
      result.ok ? { kind: "done", ...result } : { kind: "failed", message: result.message },
    );
    router.refresh();
  }

  const running = status.kind === "running";
  return (
    <>
      {/* Outside the form: the dialog's own form must not submit (and restart) this one. */}
      {dialog}
      <form onSubmit={handleSubmit((v) => start(v))} className="space-y-6" noValidate>
        <fieldset disabled={formState.isSubmitting || running} className="space-y-6">
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">What to include</legend>
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
            {errors.categories && (
              <p className="text-sm text-red-700">{errors.categories.message}</p>
            )}
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Date range (optional)</legend>
            <p className="text-sm text-slate-600">
              Limits{" "}
              {options
                .filter((o) => o.timeSeries)
                .map((o) => o.title.toLowerCase())
                .join(", ")}
              . Leave empty for everything.
            </p>
            <div className="grid gap-4 sm:grid-cols-2">
              <TextField
                label="From"
                type="date"
                {...register("from")}
                error={errors.from?.message}
              />
              <TextField
                label="To (inclusive)"
                type="date"
                {...register("to")}
                error={errors.to?.message}
              />
            </div>
          </fieldset>
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium text-slate-800">Format</legend>
            <label className="flex gap-2 text-sm">
              <input type="radio" value="json" {...register("format")} className="mt-1 size-4" />
              <span>JSON: one file, for programs and other services</span>
            </label>
            <label className="flex gap-2 text-sm">
              <input type="radio" value="zip" {...register("format")} className="mt-1 size-4" />
              <span>
                CSV: a ZIP with one spreadsheet file per table, and a README explaining each column
              </span>
            </label>
          </fieldset>
          <Button type="submit">Download my data</Button>
        </fieldset>
        {status.kind === "running" && (
          <div className="space-y-2">
            <p role="status" aria-live="polite" className="text-sm text-slate-800">
              Downloading: {formatBytes(status.progress.bytes)},{" "}
              {fmt.format(status.progress.records)} records so far…
            </p>
            <Button type="button" variant="secondary" onClick={() => controller?.abort()}>
              Cancel download
            </Button>
          </div>
        )}
        {status.kind === "done" && (
          <Alert tone="success">
            Done: {status.fileName} ({formatBytes(status.bytes)}, {fmt.format(status.records)}{" "}
            records) is in your downloads.
          </Alert>
        )}
        {status.kind === "failed" && (
          <Alert tone="error">
            {status.message} Nothing was kept: we do not store exports, and the unfinished file was
            discarded.
          </Alert>
        )}
      </form>
    </>
  );
}
