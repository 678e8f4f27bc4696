import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { Empty } from "@/components/data/empty";
import { formatNumber } from "@/components/data/format";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { StatusBadge } from "@/components/data/status-badge";
import { TemperatureChart } from "@/components/data/temperature-chart";
import { catalogValue } from "@/lib/catalog/i18n";
import { getMyPrintJob, listMyJobTemperatures } from "@/lib/dal/data/print-jobs";
import { getViewerFormat } from "@/lib/i18n/server";
import { deletePrintJobAction } from "../../actions";
import { uuidOr404 } from "../../load";
import { metadataFacts } from "./metadata-facts";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.printJob");
  return { title: t("title") };
}

export default async function PrintJobPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const [job, samples] = await Promise.all([getMyPrintJob(id), listMyJobTemperatures(id)]);
  if (!job) notFound();
  const t = await getTranslations("data.printJob");
  const f = await getViewerFormat();
  const n = (v: number, digits = 0) =>
    formatNumber(v, f.locale, { maximumFractionDigits: digits, minimumFractionDigits: digits });
  const t0 = samples[0]?.at.getTime() ?? 0;
  const points = samples.map((s) => ({
    minute: Math.round((s.at.getTime() - t0) / 6_000) / 10,
    nozzle: s.nozzleC,
    bed: s.bedC,
  }));
  // The set-points: the job's own setting, else the last target the printer reported.
  const lastTarget = (k: "nozzleTargetC" | "bedTargetC") =>
    samples.findLast((s) => s.nozzleTargetC !== null || s.bedTargetC !== null)?.[k] ?? null;
  const targets = {
    nozzle: job.nozzleTempC ?? lastTarget("nozzleTargetC"),
    bed: job.bedTempC ?? lastTarget("bedTargetC"),
  };
  const status = catalogValue("printJobStatus", job.status, f.locale);
  const unit = (v: number | null, u: string, digits = 0) =>
    v === null ? "—" : `${n(v, digits)}\u00a0${u}`;
  const facts: [string, ReactNode][] = [
    [t("status"), <StatusBadge key="s" status={job.status} label={status} />],
    [t("printer"), job.printerName ?? "—"],
    [t("sent"), <LocalTime key="c" value={job.createdAt} />],
    [t("started"), <LocalTime key="b" value={job.startedAt} />],
    [t("finished"), <LocalTime key="e" value={job.finishedAt} />],
    ...(job.startedAt && job.finishedAt
      ? [
          [t("took"), f.duration((job.finishedAt.getTime() - job.startedAt.getTime()) / 1000)] as [
            string,
            string,
          ],
        ]
      : []),
    [t("nozzle"), unit(job.nozzleTempC, "°C")],
    [t("bed"), unit(job.bedTempC, "°C")],
    [t("layer"), unit(job.layerHeightMm, "mm", 2)],
    [t("infill"), unit(job.infillPercent, "%")],
    ...(await metadataFacts(job.metadata)),
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/print-jobs">{t("back")}</Link>
      </p>
      <PageTitle lead={t("lead")}>
        <span className="break-words">{job.name}</span>
      </PageTitle>
      {/* A job still running gets new temperatures and a new status; a finished one never does. */}
      {(job.status === "queued" || job.status === "printing") && (
        <LiveRefresh what={t("liveWhat")} />
      )}
      <LiveAnnouncer items={[{ key: job.id, text: t("announce", { status }) }]} />
      <div className="space-y-6">
        <Card title={t("details")} id="details">
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title={t("materials")} id="materials">
          {job.materials.length === 0 ? (
            <Empty>{t("noMaterials")}</Empty>
          ) : (
            <ul className="space-y-1 text-sm">
              {job.materials.map((m) => (
                <li key={m.extruder}>
                  {t("material", {
                    head: m.extruder,
                    brand: m.brand,
                    name: m.name,
                    type: m.type,
                    color: catalogValue("color", m.color, f.locale),
                  })}
                  {m.amountGrams !== null && `, ${n(m.amountGrams, 1)}\u00a0g`}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title={t("temperatures")} id="temperatures">
          {points.length === 0 ? (
            <Empty>{t("noTemperatures")}</Empty>
          ) : (
            <>
              <TemperatureChart points={points} targets={targets} />
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer">
                  {t("asTable", { count: points.length })}
                </summary>
                <div
                  className="relative mt-2 max-h-96 overflow-auto"
                  tabIndex={0}
                  role="region"
                  aria-label={t("samplesScroll")}
                >
                  <table className="w-full text-left">
                    <caption className="sr-only">{t("samples")}</caption>
                    <thead>
                      <tr className="border-b border-slate-200">
                        <th scope="col" className="py-1 pr-3">
                          {t("minutes")}
                        </th>
                        <th scope="col" className="py-1 pr-3">
                          {t("nozzleC")}
                        </th>
                        <th scope="col" className="py-1">
                          {t("bedC")}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p, i) => (
                        <tr key={i} className="border-b border-slate-100">
                          <td className="py-1 pr-3">{n(p.minute, 1)}</td>
                          <td className="py-1 pr-3">{n(p.nozzle, 1)}</td>
                          <td className="py-1">{n(p.bed, 1)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </details>
            </>
          )}
        </Card>
        <DeleteButton
          action={deletePrintJobAction.bind(null, job.id)}
          label={t("delete")}
          what={t("deleteWhat", { name: job.name, count: samples.length })}
          then="/account/data/print-jobs"
        />
      </div>
    </>
  );
}
