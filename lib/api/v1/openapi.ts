import { z } from "zod";
import { organisation } from "@/lib/organisation";
import {
  curaProfileListResponse,
  curaVersionResponse,
  diagnosticListResponse,
  droppedResponse,
  idResponse,
  idsResponse,
  printerListResponse,
  printerResponse,
  printJobListResponse,
  problemResponseSchema,
  storedResponse,
  tokenInfoResponse,
} from "@/lib/validation/api-v1";
import type { TokenScope } from "@/lib/validation/data";
import { MAX_BATCH_BYTES, MAX_SINGLE_BYTES } from "./body";
import { PROBLEM_TYPES, problemAnchor, type ProblemName } from "./problem";
import { schemas } from "./schemas";

/**
 * The route table of /api/v1 and the OpenAPI 3.1 document generated from it and from the same
 * zod schemas the handlers parse with. A test walks app/api/v1 and fails when a route file is
 * missing here; the reference page (/developers/api) renders this document.
 */

type Method = "get" | "post" | "put" | "patch";
export type ApiRouteDoc = {
  method: Method;
  path: string;
  summary: string;
  description: string;
  scope: TokenScope | null;
  params?: z.ZodObject;
  query?: z.ZodObject;
  body?: z.ZodType;
  batch?: boolean;
  responses: Record<number, { description: string; schema: z.ZodType }>;
  /** Problems this route may answer besides the ones every authenticated route may. */
  problems: ProblemName[];
};

const writeProblems: ProblemName[] = [
  "validation",
  "too-large",
  "unsupported-media-type",
  "idempotency-conflict",
  "erasure-pending",
  "restricted",
];

export const apiRoutes: ApiRouteDoc[] = [
  {
    method: "get",
    path: "/api/v1/token",
    summary: "Describe the token",
    description: "The token's name, kind, scopes and prefix. Any valid token may ask.",
    scope: null,
    responses: { 200: { description: "The token.", schema: tokenInfoResponse } },
    problems: [],
  },
  {
    method: "get",
    path: "/api/v1/printers",
    summary: "List printers",
    description: "Your printers, newest first.",
    scope: "printers:read",
    responses: { 200: { description: "Your printers.", schema: printerListResponse } },
    problems: [],
  },
  {
    method: "put",
    path: "/api/v1/printers/{serial}",
    summary: "Register or update a printer",
    description:
      "Registers the printer with this serial on your account, or updates its name, model, firmware and group.",
    scope: "printers:write",
    params: schemas.serialParams,
    body: schemas.printerPut,
    responses: {
      200: { description: "Updated.", schema: printerResponse },
      201: { description: "Registered.", schema: printerResponse },
    },
    problems: writeProblems,
  },
  {
    method: "post",
    path: "/api/v1/printers/{serial}/status",
    summary: "Report a printer's status",
    description:
      "Stores one status event; the printer's current status follows the newest event it has seen.",
    scope: "printers:write",
    params: schemas.serialParams,
    body: schemas.statusEvent,
    responses: { 201: { description: "Stored.", schema: storedResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/printers/status/batch",
    summary: "Report status events in a batch",
    description: "1 to 1,000 events for any of your printers; all are stored or none.",
    scope: "printers:write",
    batch: true,
    body: schemas.statusBatch,
    responses: { 201: { description: "Stored.", schema: storedResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/print-jobs",
    summary: "Report a print job",
    description:
      "One print job with its materials (by Ultimaker material GUID) and temperature samples.",
    scope: "print-jobs:write",
    body: schemas.printJob,
    responses: { 201: { description: "Stored.", schema: idResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "get",
    path: "/api/v1/print-jobs",
    summary: "List print jobs",
    description: "Your print jobs, newest first. Pass nextCursor as cursor for the next page.",
    scope: "print-jobs:read",
    query: schemas.pageQuery,
    responses: { 200: { description: "A page of print jobs.", schema: printJobListResponse } },
    problems: ["validation"],
  },
  {
    method: "patch",
    path: "/api/v1/print-jobs/{id}",
    summary: "Update a print job",
    description: "Status, start and finish times, temperatures of one of your print jobs.",
    scope: "print-jobs:write",
    params: schemas.idParams,
    body: schemas.printJobPatch,
    responses: { 200: { description: "Updated.", schema: idResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/print-jobs/{id}/samples",
    summary: "Add temperature samples",
    description: "1 to 5,000 samples for one of your print jobs, sent during or after the print.",
    scope: "print-jobs:write",
    params: schemas.idParams,
    body: schemas.samples,
    responses: { 201: { description: "Stored.", schema: storedResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/print-jobs/batch",
    summary: "Report print jobs in a batch",
    description: "1 to 500 jobs, each with at most 2,000 samples; all are stored or none.",
    scope: "print-jobs:write",
    batch: true,
    body: schemas.printJobBatch,
    responses: { 201: { description: "Stored, ids in the order sent.", schema: idsResponse } },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/cura/profiles/{profileName}/versions",
    summary: "Save a Cura profile version",
    description: "Adds the next version of the profile (the first is 1).",
    scope: "cura:write",
    params: schemas.profileParams,
    body: schemas.curaVersion,
    responses: { 201: { description: "Stored.", schema: curaVersionResponse } },
    problems: writeProblems,
  },
  {
    method: "get",
    path: "/api/v1/cura/profiles",
    summary: "List Cura profiles",
    description: "The latest version of each of your profiles.",
    scope: "cura:read",
    responses: { 200: { description: "Profiles.", schema: curaProfileListResponse } },
    problems: [],
  },
  {
    method: "post",
    path: "/api/v1/diagnostics",
    summary: "Send a diagnostics bundle",
    description:
      "A crash report, telemetry or log bundle. While you object to diagnostics it is dropped (202).",
    scope: "diagnostics:write",
    body: schemas.diagnostic,
    responses: {
      201: { description: "Stored.", schema: idResponse },
      202: { description: "Dropped: the holder objects to diagnostics.", schema: droppedResponse },
    },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "post",
    path: "/api/v1/diagnostics/batch",
    summary: "Send diagnostics bundles in a batch",
    description: "1 to 100 bundles; all are stored (or dropped) or none.",
    scope: "diagnostics:write",
    batch: true,
    body: schemas.diagnosticBatch,
    responses: {
      201: { description: "Stored, ids in the order sent.", schema: idsResponse },
      202: { description: "Dropped: the holder objects to diagnostics.", schema: droppedResponse },
    },
    problems: [...writeProblems, "not-found"],
  },
  {
    method: "get",
    path: "/api/v1/diagnostics",
    summary: "List diagnostics bundles",
    description: "Your bundles, newest first (without their payload).",
    scope: "diagnostics:read",
    query: schemas.pageQuery,
    responses: { 200: { description: "A page of bundles.", schema: diagnosticListResponse } },
    problems: ["validation"],
  },
];

type JsonSchema = Record<string, unknown>;

/** A request schema as clients must send it (before our transforms). */
export function inputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: "input",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  return rest;
}

function outputSchema(schema: z.ZodType): JsonSchema {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io: "output",
    unrepresentable: "any",
    target: "draft-2020-12",
  }) as JsonSchema;
  return rest;
}

function parameters(route: ApiRouteDoc) {
  const out: JsonSchema[] = [];
  for (const [where, obj] of [
    ["path", route.params],
    ["query", route.query],
  ] as const) {
    if (!obj) continue;
    const json = inputSchema(obj) as {
      properties?: Record<string, JsonSchema>;
      required?: string[];
    };
    for (const [name, schema] of Object.entries(json.properties ?? {})) {
      out.push({
        name,
        in: where,
        required: where === "path" || (json.required ?? []).includes(name),
        schema,
      });
    }
  }
  if (route.body && route.method !== "get") {
    out.push({
      name: "Idempotency-Key",
      in: "header",
      required: route.batch === true,
      description:
        "Same key and body again: the first answer is returned and nothing is stored twice. Same key, other body: 422.",
      schema: { type: "string", minLength: 1, maxLength: 200, pattern: "^[A-Za-z0-9._:-]+$" },
    });
  }
  return out;
}

/** Problems every route of this kind may answer, then its own. */
export function routeProblems(route: ApiRouteDoc): ProblemName[] {
  const base: ProblemName[] = ["unauthorized", "rate-limited"];
  if (route.scope) base.push("forbidden");
  return [...new Set([...base, ...route.problems])];
}

/** The OpenAPI 3.1 document. `origin` is the public address (APP_URL). */
export function buildOpenApiDocument(origin: string): JsonSchema {
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const route of apiRoutes) {
    const responses: Record<string, JsonSchema> = {};
    for (const [status, r] of Object.entries(route.responses)) {
      responses[status] = {
        description: r.description,
        content: { "application/json": { schema: outputSchema(r.schema) } },
      };
    }
    for (const name of routeProblems(route)) {
      const { status, title } = PROBLEM_TYPES[name];
      const key = String(status);
      const existing = responses[key];
      responses[key] = {
        description: existing ? `${String(existing.description)} Or: ${title}.` : `${title}.`,
        content: {
          "application/problem+json": { schema: { $ref: "#/components/schemas/Problem" } },
        },
        ...(name === "rate-limited"
          ? { headers: { "Retry-After": { schema: { type: "integer" }, description: "Seconds." } } }
          : {}),
      };
    }
    const op: JsonSchema = {
      operationId: `${route.method}${route.path
        .replace(/^\/api\/v1/, "")
        .replace(/[{}]/g, "")
        .split(/[/-]/)
        .map((s) => s.charAt(0).toUpperCase() + s.slice(1))
        .join("")}`,
      summary: route.summary,
      description: `${route.description}${route.scope ? ` Scope: \`${route.scope}\`.` : ""}`,
      "x-scope": route.scope,
      parameters: parameters(route),
      responses,
      ...(route.scope ? { security: [{ bearer: [route.scope] }] } : { security: [{ bearer: [] }] }),
    };
    if (route.body) {
      op.requestBody = {
        required: true,
        description: `JSON, at most ${route.batch ? MAX_BATCH_BYTES : MAX_SINGLE_BYTES} bytes.`,
        content: { "application/json": { schema: inputSchema(route.body) } },
      };
    }
    (paths[route.path] ??= {})[route.method] = op;
  }
  paths["/api/v1/openapi.json"] = {
    get: {
      operationId: "getOpenapiJson",
      summary: "This document",
      description: "The OpenAPI 3.1 description of this API. Public.",
      security: [],
      responses: { 200: { description: "The document.", content: { "application/json": {} } } },
    },
  };
  return {
    openapi: "3.1.0",
    info: {
      title: `${organisation.name} ingestion API`,
      version: "1",
      description:
        "Printers and Cura send their data here, with an access token the account holder created. Errors are RFC 9457 problem documents.",
    },
    servers: [{ url: origin }],
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: "http",
          scheme: "bearer",
          description: "An access token (pct_…) from Your data → Access tokens.",
        },
      },
      schemas: {
        Problem: {
          ...outputSchema(problemResponseSchema),
          description: `type is ${origin}/developers/api#problem-<name>, one of: ${Object.keys(
            PROBLEM_TYPES,
          )
            .map((n) => problemAnchor(n as ProblemName))
            .join(", ")}.`,
        },
      },
    },
  };
}
