import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { LiveAnnouncer, LiveRefresh } from "@/components/data/live-refresh";
import { TemperatureChart } from "@/components/data/temperature-chart";
import { getMyPrintJob, listMyJobTemperatures } from "@/lib/dal/data/print-jobs";
import { deletePrintJobAction } from "../../actions";
import { uuidOr404 } from "../../load";

export const metadata: Metadata = { title: "Print job" };

export default async function PrintJobPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const [job, samples] = await Promise.all([getMyPrintJob(id), listMyJobTemperatures(id)]);
  if (!job) notFound();
  const t0 = samples[0]?.at.getTime() ?? 0;
  const points = samples.map((s) => ({
    minute: Math.round((s.at.getTime() - t0) / 6_000) / 10,
    nozzle: s.nozzleC,
    bed: s.bedC,
  }));
  const facts: [string, string][] = [
    ["Status", job.status],
    ["Printer", job.printerName ?? "—"],
    ["Sent to the printer", formatDateTime(job.createdAt)],
    ["Started", formatDateTime(job.startedAt)],
    ["Finished", formatDateTime(job.finishedAt)],
    ["Nozzle setting", job.nozzleTempC === null ? "—" : `${job.nozzleTempC} °C`],
    ["Build plate setting", job.bedTempC === null ? "—" : `${job.bedTempC} °C`],
    ["Layer height", job.layerHeightMm === null ? "—" : `${job.layerHeightMm} mm`],
    ["Infill", job.infillPercent === null ? "—" : `${job.infillPercent} %`],
    ...Object.entries(job.metadata).map(([k, v]): [string, string] => [
      k.replaceAll("_", " "),
      String(v ?? "—"),
    ]),
  ];
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/print-jobs">← Print jobs</Link>
      </p>
      <PageTitle lead="A print job your printer reported, with its materials and temperatures.">
        <span className="break-all">{job.name}</span>
      </PageTitle>
      {/* A job still running gets new temperatures and a new status; a finished one never does. */}
      {(job.status === "queued" || job.status === "printing") && (
        <LiveRefresh what="status and temperatures" />
      )}
      <LiveAnnouncer items={[{ key: job.id, text: `This print job: ${job.status}` }]} />
      <div className="space-y-6">
        <Card title="Details" id="details">
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-medium first-letter:uppercase">{k}</dt>
                <dd className="break-words">{v}</dd>
              </div>
            ))}
          </dl>
        </Card>
        <Card title="Materials" id="materials">
          {job.materials.length === 0 ? (
            <Empty>No materials were reported for this print.</Empty>
          ) : (
            <ul className="space-y-1 text-sm">
              {job.materials.map((m) => (
                <li key={m.extruder}>
                  Print head {m.extruder}: {m.brand} {m.name} ({m.type}, {m.color})
                  {m.amountGrams !== null && `, ${m.amountGrams.toFixed(1)} g`}
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card title="Temperatures during the print" id="temperatures">
          {points.length === 0 ? (
            <Empty>No temperatures were recorded for this print.</Empty>
          ) : (
            <>
              <TemperatureChart points={points} />
              <details className="mt-4 text-sm">
                <summary className="cursor-pointer">
                  Temperatures as a table ({points.length} samples)
                </summary>
                <div
                  className="mt-2 max-h-96 overflow-auto"
                  tabIndex={0}
                  role="region"
                  aria-label="Temperature samples, scrollable"
                >
                  <table className="w-full text-left">
                    <caption className="sr-only">Temperature samples</caption>
                    <thead>
                      <tr className="border-b border-slate-200">
                        <th scope="col" className="py-1 pr-3">
                          Minutes
                        </th>
                        <th scope="col" className="py-1 pr-3">
                          Nozzle °C
                        </th>
                        <th scope="col" className="py-1">
                          Build plate °C
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {points.map((p, i) => (
                        <tr key={i} className="border-b border-slate-100">
                          <td className="py-1 pr-3">{p.minute}</td>
                          <td className="py-1 pr-3">{p.nozzle.toFixed(1)}</td>
                          <td className="py-1">{p.bed.toFixed(1)}</td>
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
          label="Delete this print job"
          what={`The print job "${job.name}", its material records and its ${samples.length} temperature samples will be deleted.`}
          then="/account/data/print-jobs"
        />
      </div>
    </>
  );
}
