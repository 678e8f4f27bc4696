import type { Metadata } from "next";
import Link from "next/link";
import { inputSchema, apiRoutes, routeProblems, type ApiRouteDoc } from "@/lib/api/v1/openapi";
import { MAX_BATCH_BYTES, MAX_SINGLE_BYTES } from "@/lib/api/v1/body";
import { PROBLEM_TYPES, problemAnchor, type ProblemName } from "@/lib/api/v1/problem";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Ingestion API reference" };
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
export default function ApiReferencePage() {
  return (
    <article className="max-w-4xl min-w-0 space-y-8 [overflow-wrap:anywhere]">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">Ingestion API reference</h1>
        <p className="text-slate-700">
          Printers and Cura send their data to this API: printer status, print jobs with their
          materials and temperatures, Cura profile versions and diagnostics. It is REST and JSON,
          versioned in the path (<code>/api/v1</code>). The machine-readable description is the{" "}
          <a href="/api/v1/openapi.json">OpenAPI 3.1 document</a>.
        </p>
      </header>

      <section aria-labelledby="start" className="space-y-2">
        <h2 id="start" className="text-xl font-semibold">
          Getting a token
        </h2>
        <p>
          Sign in, open <Link href="/account/data/access-tokens">Your data → Access tokens</Link>{" "}
          and create a token for a printer or for Cura with the permissions (scopes) it needs. The
          token (it starts with <code>pct_</code>) is shown once. Send it on every request as{" "}
          <code>Authorization: Bearer pct_…</code>. A token only ever reads and writes the data of
          the account that made it. Revoking it stops it at once.
        </p>
        <p>
          Bodies are JSON (<code>Content-Type: application/json</code>), at most{" "}
          {MAX_SINGLE_BYTES / 1024 / 1024} MiB, or {MAX_BATCH_BYTES / 1024 / 1024} MiB for a batch.
          Fields not listed are refused. Times are ISO 8601 with an offset and may be at most 5
          minutes ahead of our clock, and no older than the category is kept. Each token may make{" "}
          {env.API_RATE_LIMIT_PER_MINUTE} requests a minute.
        </p>
        <p>
          Any write may carry an <code>Idempotency-Key</code> header (batches must): sending the
          same key and body again returns the first answer (with{" "}
          <code>Idempotent-Replayed: true</code>) and stores nothing twice, for 24 hours. A batch is
          stored whole or not at all.
        </p>
        <p>
          The account holder&apos;s choices apply at the door: while they restrict a category,
          writes to it are refused (409) and nothing is stored; while their account waits to be
          erased, nothing is stored (409); while they object to diagnostics, bundles are dropped
          (202).
        </p>
      </section>

      <nav aria-labelledby="routes">
        <h2 id="routes" className="text-xl font-semibold">
          Routes
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
        return (
          <section
            key={anchorOf(r)}
            aria-labelledby={anchorOf(r)}
            className="space-y-3 rounded-lg border border-slate-200 bg-white p-4"
          >
            <h2 id={anchorOf(r)} className="text-lg font-semibold [overflow-wrap:anywhere]">
              <span className="font-mono">
                {r.method.toUpperCase()} {r.path}
              </span>{" "}
              — {r.summary}
            </h2>
            <p>{r.description}</p>
            <p className="text-sm">
              Scope: {r.scope ? <code>{r.scope}</code> : "any valid token"}
              {r.batch ? ". Idempotency-Key required." : ""}
            </p>
            {body.length > 0 && (
              <div
                className="overflow-x-auto"
                role="region"
                aria-label={`Request fields of ${r.method.toUpperCase()} ${r.path}`}
                tabIndex={0}
              >
                <table className="w-full text-left text-sm">
                  <caption className="text-left font-medium">Request fields</caption>
                  <thead>
                    <tr>
                      <th scope="col" className="pr-3">
                        Field
                      </th>
                      <th scope="col" className="pr-3">
                        Type
                      </th>
                      <th scope="col" className="pr-3">
                        Required
                      </th>
                      <th scope="col">Rules</th>
                    </tr>
                  </thead>
                  <tbody>
                    {body.map((f) => (
                      <tr key={f.name} className="border-t border-slate-100 align-top">
                        <td className="pr-3 font-mono break-all">{f.name}</td>
                        <td className="pr-3">{f.type}</td>
                        <td className="pr-3">{f.required ? "yes" : "no"}</td>
                        <td>{f.rules}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            <div className="text-sm">
              <h3 className="font-medium">Answers</h3>
              <ul className="list-inside list-disc">
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
              aria-label={`Example: ${r.summary.toLowerCase()} with curl`}
              tabIndex={0}
            >
              <code>{example(r)}</code>
            </pre>
          </section>
        );
      })}

      <section aria-labelledby="problems" className="space-y-3">
        <h2 id="problems" className="text-xl font-semibold">
          Errors
        </h2>
        <p>
          Every error is an RFC 9457 problem document (<code>application/problem+json</code>) with{" "}
          <code>type</code>, <code>title</code>, <code>status</code> and <code>detail</code>. When a
          field is at fault, <code>errors</code> lists each one with a JSON <code>pointer</code>{" "}
          into the body (for example <code>/events/3/occurredAt</code>), or the{" "}
          <code>parameter</code> or <code>header</code> it concerns.
        </p>
        <dl className="space-y-2">
          {(Object.keys(PROBLEM_TYPES) as ProblemName[]).map((p) => (
            <div key={p} id={problemAnchor(p)}>
              <dt className="font-mono text-sm">
                {PROBLEM_TYPES[p].status} {problemAnchor(p)}
              </dt>
              <dd>{PROBLEM_TYPES[p].title}.</dd>
            </div>
          ))}
        </dl>
      </section>
    </article>
  );
}
