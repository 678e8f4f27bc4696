import type { Metadata } from "next";
import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { inputSchema, apiRoutes, routeProblems, type ApiRouteDoc } from "@/lib/api/v1/openapi";
import { MAX_BATCH_BYTES, MAX_SINGLE_BYTES } from "@/lib/api/v1/body";
import { PROBLEM_TYPES, problemAnchor, type ProblemName } from "@/lib/api/v1/problem";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("developers"))("title") };
}
export const dynamic = "force-dynamic";

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  items?: Json;
  enum?: unknown[];
  anyOf?: Json[];
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  additionalProperties?: Json | boolean;
};

type Field = { name: string; type: string; required: boolean; rules: string };

/** The body's fields, nested ones as "events[].serial", read from the generated JSON Schema. */
function fields(schema: Json, prefix = ""): Field[] {
  return Object.entries(schema.properties ?? {}).flatMap(([name, s]) => {
    const path = `${prefix}${name}`;
    const here: Field = {
      name: path,
      type: typeName(s),
      required: (schema.required ?? []).includes(name),
      rules: rules(s),
    };
    const nested =
      s.type === "array" && s.items?.properties
        ? fields(s.items, `${path}[].`)
        : s.properties
          ? fields(s, `${path}.`)
          : [];
    return [here, ...nested];
  });
}

function typeName(s: Json): string {
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (s.anyOf) return s.anyOf.map(typeName).join(" | ");
  if (s.type === "array") return `array of ${s.items ? typeName(s.items) : "any"}`;
  if (s.type === "object" && !s.properties) return "object";
  if (s.format === "date-time") return "time (ISO 8601 with offset)";
  return Array.isArray(s.type) ? s.type.join(" | ") : (s.type ?? "any");
}

function rules(s: Json): string {
  const out: string[] = [];
  if (s.minLength !== undefined || s.maxLength !== undefined)
    out.push(`${s.minLength ?? 0}–${s.maxLength ?? "∞"} characters`);
  if (s.minimum !== undefined || s.maximum !== undefined)
    out.push(`${s.minimum ?? "−∞"} to ${s.maximum ?? "∞"}`);
  if (s.minItems !== undefined || s.maxItems !== undefined)
    out.push(`${s.minItems ?? 0}–${s.maxItems ?? "∞"} items`);
  if (s.pattern) out.push(`matches ${s.pattern}`);
  return out.join("; ");
}

function example(route: ApiRouteDoc): string {
  const samples: Record<string, unknown> = {
    "/api/v1/printers/{serial}": { name: "Garage S5", model: "Ultimaker S5", firmware: "8.3.0" },
    "/api/v1/printers/{serial}/status": {
      status: "printing",
      occurredAt: "2026-12-01T10:00:00+01:00",
    },
    "/api/v1/printers/status/batch": {
      events: [{ serial: "S5-001", status: "idle", occurredAt: "2026-12-01T10:05:00+01:00" }],
    },
    "/api/v1/print-jobs": {
      printerSerial: "S5-001",
      name: "bracket.ufp",
      status: "printing",
      createdAt: "2026-12-01T10:00:00+01:00",
    },
    "/api/v1/print-jobs/{id}": { status: "finished", finishedAt: "2026-12-01T12:00:00+01:00" },
    "/api/v1/print-jobs/{id}/samples": {
      samples: [{ sampledAt: "2026-12-01T10:01:00+01:00", nozzleC: 209.5, bedC: 60 }],
    },
    "/api/v1/print-jobs/batch": {
      jobs: [{ name: "bracket.ufp", status: "finished", createdAt: "2026-12-01T10:00:00+01:00" }],
    },
    "/api/v1/cura/profiles/{profileName}/versions": {
      curaVersion: "5.9.0",
      settings: { layer_height: 0.15 },
    },
    "/api/v1/diagnostics": {
      kind: "crash_report",
      source: "cura",
      summary: "Crash while slicing",
      payload: { signal: 11 },
    },
    "/api/v1/diagnostics/batch": {
      bundles: [
        { kind: "telemetry", source: "printer", summary: "Counters", payload: { hours: 3 } },
      ],
    },
  };
  const path = route.path
    .replace("{serial}", "S5-001")
    .replace("{id}", "8f0c6d3e-2b1a-4c5d-9e8f-0a1b2c3d4e5f")
    .replace("{profileName}", "Fine%20PLA");
  const lines = [`curl -X ${route.method.toUpperCase()} '${env.APP_URL}${path}'`];
  lines.push(`  -H 'Authorization: Bearer pct_…'`);
  const body = samples[route.path];
  if (body) {
    lines.push(`  -H 'Content-Type: application/json'`);
    if (route.batch) lines.push(`  -H 'Idempotency-Key: 2026-12-01-batch-0001'`);
    lines.push(`  -d '${JSON.stringify(body)}'`);
  }
  return lines.join(" \\\n");
}

const anchorOf = (r: ApiRouteDoc) =>
  `${r.method}-${r.path.replace(/^\/api\/v1\//, "").replace(/[^a-z0-9]+/gi, "-")}`;

/** The ingestion API's reference, rendered from the same route table and schemas it runs on. */
export default async function ApiReferencePage() {
  const t = await getTranslations("developers");
  // Route summaries and problem titles are the OpenAPI document's words, in English: marked so.
  const apiLang = (await getLocale()) === "en" ? undefined : "en";
  const code = (chunks: ReactNode) => <code>{chunks}</code>;
  return (
    <article className="max-w-4xl min-w-0 space-y-8 [overflow-wrap:anywhere]">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t.rich("intro", {
            code,
            openapi: (chunks) => <a href="/api/v1/openapi.json">{chunks}</a>,
          })}
        </p>
        {apiLang && <p className="text-sm text-slate-700">{t("englishNote")}</p>}
      </header>

      <section aria-labelledby="start" className="space-y-2">
        <h2 id="start" className="text-xl font-semibold">
          {t("startTitle")}
        </h2>
        <p>
          {t.rich("start1", {
            code,
            tokens: (chunks) => <Link href="/account/data/access-tokens">{chunks}</Link>,
          })}
        </p>
        <p>
          {t.rich("start2", {
            code,
            single: MAX_SINGLE_BYTES / 1024 / 1024,
            batch: MAX_BATCH_BYTES / 1024 / 1024,
            rate: env.API_RATE_LIMIT_PER_MINUTE,
          })}
        </p>
        <p>{t.rich("start3", { code })}</p>
        <p>{t("start4")}</p>
      </section>

      <nav aria-labelledby="routes">
        <h2 id="routes" className="text-xl font-semibold">
          {t("routes")}
        </h2>
        <ul className="mt-2 space-y-1 font-mono text-sm break-all">
          {apiRoutes.map((r) => (
            <li key={anchorOf(r)}>
              <a href={`#${anchorOf(r)}`}>
                {r.method.toUpperCase()} {r.path}
              </a>
            </li>
          ))}
        </ul>
      </nav>

      {apiRoutes.map((r) => {
        const body = r.body ? fields(inputSchema(r.body) as Json) : [];
        const route = `${r.method.toUpperCase()} ${r.path}`;
        return (
          <section
            key={anchorOf(r)}
            aria-labelledby={anchorOf(r)}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={anchorOf(r)} className="text-lg font-semibold [overflow-wrap:anywhere]">
              <span className="font-mono">{route}</span> — <span lang={apiLang}>{r.summary}</span>
            </h2>
            <p lang={apiLang}>{r.description}</p>
            <p className="text-sm">
              {t("scope")} {r.scope ? <code>{r.scope}</code> : t("anyToken")}
              {r.batch ? `. ${t("idempotencyRequired")}` : ""}
            </p>
            {body.length > 0 && (
              <div
                className="overflow-x-auto"
                role="region"
                aria-label={t("fieldsLabel", { route })}
                tabIndex={0}
              >
                <table className="w-full text-left text-sm">
                  <caption className="text-left font-medium">{t("fields")}</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-3">
                        {t("field")}
                      </th>
                      <th scope="col" className="pr-3">
                        {t("type")}
                      </th>
                      <th scope="col" className="pr-3">
                        {t("required")}
                      </th>
                      <th scope="col">{t("rules")}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {body.map((f) => (
                      <tr key={f.name} className="border-t border-slate-100 align-top">
                        <td className="pr-3 font-mono break-all">{f.name}</td>
                        <td className="pr-3" lang={apiLang}>
                          {f.type}
                        </td>
                        <td className="pr-3">{f.required ? t("yes") : t("no")}</td>
                        <td lang={apiLang}>{f.rules}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="text-sm">
              <h3 className="font-medium">{t("answers")}</h3>
              <ul className="list-inside list-disc" lang={apiLang}>
                {Object.entries(r.responses).map(([status, resp]) => (
                  <li key={status}>
                    {status}: {resp.description}
                  </li>
                ))}
                {routeProblems(r).map((p) => (
                  <li key={p}>
                    {PROBLEM_TYPES[p].status}:{" "}
                    <a href={`#${problemAnchor(p)}`}>{PROBLEM_TYPES[p].title}</a>
                  </li>
                ))}
              </ul>
            </div>
            <pre
              className="overflow-x-auto rounded bg-slate-900 p-3 text-xs text-slate-100"
              aria-label={t("example", { summary: r.summary.toLowerCase() })}
              tabIndex={0}
            >
              <code>{example(r)}</code>
            </pre>
          </section>
        );
      })}

      <section aria-labelledby="problems" className="space-y-3">
        <h2 id="problems" className="text-xl font-semibold">
          {t("errorsTitle")}
        </h2>
        <p>{t.rich("errorsText", { code })}</p>
        <dl className="space-y-2">
          {(Object.keys(PROBLEM_TYPES) as ProblemName[]).map((p) => (
            <div key={p} id={problemAnchor(p)}>
              <dt className="font-mono text-sm">
                {PROBLEM_TYPES[p].status} {problemAnchor(p)}
              </dt>
              <dd lang={apiLang}>{PROBLEM_TYPES[p].title}.</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
