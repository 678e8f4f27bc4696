import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { formatBytes, formatDateTime } from "@/components/data/format";
import { getMyDiagnostic } from "@/lib/dal/data/diagnostics";
import { deleteDiagnosticAction } from "../../actions";
import { uuidOr404 } from "../../load";

export const metadata: Metadata = { title: "Diagnostic bundle" };

export default async function DiagnosticPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const d = await getMyDiagnostic(id);
  if (!d) notFound();
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/diagnostics">← Diagnostics</Link>
      </p>
      <PageTitle
        lead={`${d.source}${d.softwareVersion ? ` ${d.softwareVersion}` : ""} · ${formatDateTime(d.createdAt)}`}
      >
        {d.summary}
      </PageTitle>
      <div className="space-y-6">
        <Card title="About this bundle" id="about">
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="font-medium">Kind</dt>
            <dd>{d.kind.replace("_", " ")}</dd>
            <dt className="font-medium">Printer</dt>
            <dd>{d.printerName ?? "—"}</dd>
            <dt className="font-medium">Size</dt>
            <dd>{formatBytes(d.sizeBytes)}</dd>
          </dl>
        </Card>
        <Card title="What it contains" id="payload">
          <pre
            className="max-h-96 overflow-auto rounded bg-slate-100 p-3 text-xs break-all whitespace-pre-wrap"
            tabIndex={0}
          >
            {JSON.stringify(d.payload, null, 2)}
          </pre>
        </Card>
        <DeleteButton
          action={deleteDiagnosticAction.bind(null, d.id)}
          label="Delete this diagnostics bundle"
          what={`The ${d.kind.replace("_", " ")} "${d.summary}" from ${formatDateTime(d.createdAt)} and everything in it will be deleted.`}
          then="/account/data/diagnostics"
        />
      </div>
    </>
  );
}
