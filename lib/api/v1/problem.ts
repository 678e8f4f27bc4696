import type { z } from "zod";
import { AppError } from "@/lib/errors";

/**
 * RFC 9457 problem documents of the ingestion API. Every refusal of /api/v1 is one of these
 * types; the reference page (/developers/api) documents each under the anchor its `type` URI
 * points at. Pure: no DAL, so the DAL can throw these and unit tests can build them.
 */

export const PROBLEM_TYPES = {
  unauthorized: { status: 401, title: "Missing or invalid access token" },
  forbidden: { status: 403, title: "The token lacks the scope this needs" },
  "not-found": { status: 404, title: "Not found" },
  validation: { status: 400, title: "The request is not valid" },
  "too-large": { status: 413, title: "The request body is too large" },
  "unsupported-media-type": { status: 415, title: "Send JSON" },
  restricted: { status: 409, title: "Processing of this category is restricted" },
  "erasure-pending": { status: 409, title: "The account is about to be erased" },
  "idempotency-conflict": { status: 422, title: "Idempotency-Key reused for another request" },
  "rate-limited": { status: 429, title: "Too many requests" },
} as const;
export type ProblemName = keyof typeof PROBLEM_TYPES;

/** Where a problem is: a JSON pointer into the body, a query/path parameter, or a header. */
export type ProblemItem = { pointer?: string; parameter?: string; header?: string; detail: string };

/** The anchor of a problem type on the reference page. */
export const problemAnchor = (name: ProblemName) => `problem-${name}`;

export class ApiProblem extends Error {
  readonly problem: ProblemName;
  readonly status: number;
  readonly title: string;
  readonly errors: ProblemItem[] | undefined;
  readonly headers: Record<string, string>;

  constructor(
    problem: ProblemName,
    detail: string,
    opts: { errors?: ProblemItem[]; headers?: Record<string, string> } = {},
  ) {
    super(detail);
    this.name = "ApiProblem";
    this.problem = problem;
    this.status = PROBLEM_TYPES[problem].status;
    this.title = PROBLEM_TYPES[problem].title;
    this.errors = opts.errors;
    this.headers = opts.headers ?? {};
  }
}

/** RFC 6901: "~" → "~0", "/" → "~1"; array indexes as digits. */
export function jsonPointer(path: readonly PropertyKey[]): string {
  return path.map((p) => `/${String(p).replace(/~/g, "~0").replace(/\//g, "~1")}`).join("");
}

/** zod issues as problem items: body issues by pointer, query/path issues by parameter name. */
export function issuesToItems(
  issues: readonly z.core.$ZodIssue[],
  where: "body" | "query" | "path",
): ProblemItem[] {
  return issues.map((issue) => {
    const detail = issueDetail(issue);
    if (where === "body") return { pointer: jsonPointer(issue.path), detail };
    return { parameter: String(issue.path[0] ?? ""), detail };
  });
}

function issueDetail(issue: z.core.$ZodIssue): string {
  if (issue.code === "unrecognized_keys") {
    return `Unknown field${issue.keys.length > 1 ? "s" : ""}: ${issue.keys.join(", ")}.`;
  }
  if (issue.code === "invalid_type" && issue.input === undefined) return "Required.";
  return issue.message;
}

/**
 * Unknown keys are reported by zod on the object that holds them; point at each key itself so
 * a client sees exactly which field to remove.
 */
export function validationProblem(
  issues: readonly z.core.$ZodIssue[],
  where: "body" | "query" | "path",
): ApiProblem {
  const expanded = issues.flatMap((issue): z.core.$ZodIssue[] =>
    issue.code === "unrecognized_keys"
      ? issue.keys.map((key) => ({ ...issue, path: [...issue.path, key], keys: [key] }))
      : [issue],
  );
  const items = issuesToItems(expanded, where);
  const first = items[0];
  const at = first?.pointer ?? first?.parameter ?? "";
  return new ApiProblem(
    "validation",
    items.length === 1 ? `${at}: ${first!.detail}` : `${items.length} problems; see errors.`,
    { errors: items },
  );
}

/** The problem document's body. `origin` makes the type URI absolute. */
export function problemDocument(p: ApiProblem, origin: string, instance?: string) {
  return {
    type: `${origin}/developers/api#${problemAnchor(p.problem)}`,
    title: p.title,
    status: p.status,
    detail: p.message,
    ...(instance ? { instance } : {}),
    ...(p.errors ? { errors: p.errors } : {}),
  };
}

/** An ApiProblem, or an AppError from shared code, as an application/problem+json response. */
export function problemHttpResponse(error: unknown, origin: string, instance?: string): Response {
  const problem =
    error instanceof ApiProblem
      ? error
      : error instanceof AppError
        ? appErrorToProblem(error)
        : null;
  if (!problem) throw error;
  const headers: Record<string, string> = {
    "content-type": "application/problem+json",
    "cache-control": "no-store",
    ...problem.headers,
  };
  if (problem.status === 401) headers["www-authenticate"] = 'Bearer realm="api"';
  return new Response(JSON.stringify(problemDocument(problem, origin, instance)), {
    status: problem.status,
    headers,
  });
}

function appErrorToProblem(error: AppError): ApiProblem {
  const byStatus: Record<number, ProblemName> = {
    400: "validation",
    401: "unauthorized",
    403: "forbidden",
    404: "not-found",
    409: "restricted",
    413: "too-large",
    415: "unsupported-media-type",
    423: "erasure-pending",
    429: "rate-limited",
  };
  const name = byStatus[error.status];
  if (!name) throw error;
  return new ApiProblem(name, error.message, { headers: error.headers });
}
