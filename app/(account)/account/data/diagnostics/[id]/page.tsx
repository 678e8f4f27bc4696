import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Card, PageTitle } from "@/components/ui/card";
import { DeleteButton } from "@/components/data/delete-button";
import { humanKey, payloadHighlights } from "@/components/data/diagnostic-words";
import { formatBytes, formatNumber } from "@/components/data/format";
import { catalogValue } from "@/lib/catalog/i18n";
import { getMyDiagnostic } from "@/lib/dal/data/diagnostics";
import { getViewerFormat } from "@/lib/i18n/server";
import { deleteDiagnosticAction } from "../../actions";
import { uuidOr404 } from "../../load";
import { getSourceWords } from "../source-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.diagnostic");
  return { title: t("title") };
}

const KNOWN_KEYS = [
  "exception",
  "active_machine",
  "os",
  "gpu",
  "print_hours",
  "prints_total",
  "uptime_hours",
  "network",
  "reason",
  "files",
  "lines",
] as const;
type KnownKey = (typeof KNOWN_KEYS)[number];
const isKnown = (k: string): k is KnownKey => (KNOWN_KEYS as readonly string[]).includes(k);

/**
 * One diagnostics bundle: what it is and how serious, the few facts a person cares about,
 * and the raw bundle behind a disclosure for whoever wants every byte.
 */
export default async function DiagnosticPage(props: { params: Promise<{ id: string }> }) {
  const id = uuidOr404((await props.params).id);
  const d = await getMyDiagnostic(id);
  if (!d) notFound();
  const t = await getTranslations("data.diagnostic");
  const f = await getViewerFormat();
  const sourceText = await getSourceWords();
  const kind = catalogValue("diagnosticKind", d.kind, f.locale);
  const highlights = payloadHighlights(d.kind, d.payload);
  const show = (v: string | number | string[]) =>
    typeof v === "number" ? formatNumber(v, f.locale) : Array.isArray(v) ? v.join(", ") : v;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/diagnostics">{t("back")}</Link>
      </p>
      <PageTitle
        lead={
          <>
            {kind} · {sourceText(d.source)}
            {d.softwareVersion ? ` ${d.softwareVersion}` : ""} · <LocalTime value={d.createdAt} />
          </>
        }
      >
        <span className="break-words">{d.summary}</span>
      </PageTitle>
      <div className="space-y-6">
        <Card title={t("about")} id="about">
          <p className="mb-3 text-sm">{t(`meaning.${d.kind}`)}</p>
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            <dt className="font-medium">{t("kind")}</dt>
            <dd>{kind}</dd>
            <dt className="font-medium">{t("severity")}</dt>
            <dd>{t(`severities.${d.kind}`)}</dd>
            <dt className="font-medium">{t("source")}</dt>
            <dd className="break-words">
              {sourceText(d.source)}
              {d.softwareVersion ? `, ${t("version", { version: d.softwareVersion })}` : ""}
            </dd>
            <dt className="font-medium">{t("printer")}</dt>
            <dd>{d.printerName ?? "—"}</dd>
            <dt className="font-medium">{t("received")}</dt>
            <dd>
              <LocalTime value={d.createdAt} />
            </dd>
            <dt className="font-medium">{t("size")}</dt>
            <dd>{formatBytes(d.sizeBytes, f.locale)}</dd>
          </dl>
        </Card>
        <Card title={t("contains")} id="payload">
          {highlights.length > 0 && (
            <dl className="mb-4 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
              {highlights.map((h) => (
                <div key={h.key} className="contents">
                  <dt className="font-medium">
                    {isKnown(h.key) ? t(`keys.${h.key}`) : humanKey(h.key)}
                  </dt>
                  <dd className="break-words">{show(h.value)}</dd>
                </div>
              ))}
            </dl>
          )}
          <details className="text-sm">
            <summary className="cursor-pointer font-medium">{t("raw")}</summary>
            <pre
              className="mt-2 max-h-96 overflow-auto rounded bg-slate-100 p-3 text-xs break-all whitespace-pre-wrap dark:bg-slate-800"
              tabIndex={0}
              role="region"
              aria-label={t("rawLabel")}
            >
              {JSON.stringify(d.payload, null, 2)}
            </pre>
          </details>
        </Card>
        <DeleteButton
          action={deleteDiagnosticAction.bind(null, d.id)}
          label={t("delete")}
          what={t("deleteWhat", {
            kind: kind.toLowerCase(),
            summary: d.summary,
            date: f.dateTime(d.createdAt),
          })}
          then="/account/data/diagnostics"
        />
      </div>
    </>
  );
}
