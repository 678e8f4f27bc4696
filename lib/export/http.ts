import { z } from "zod";
import { ReadOnlyError, ReauthRequiredError } from "@/lib/auth/errors";

/** An RFC 9457 problem response. */
export function problem(
  status: number,
  type: string,
  title: string,
  detail: string,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): Response {
  return Response.json(
    { type: `about:blank#${type}`, title, status, detail, ...extra },
    {
      status,
      headers: {
        "content-type": "application/problem+json",
        "cache-control": "no-store",
        ...headers,
      },
    },
  );
}

export function invalidParams(error: z.ZodError): Response {
  return problem(
    400,
    "invalid_params",
    "Invalid export settings",
    "Please check the export settings.",
    {
      errors: z.flattenError(error).fieldErrors,
    },
  );
}

/** The guards' refusals as problems the export page understands (401 reauth → step-up dialog). */
export function guardProblem(error: unknown): Response {
  if (error instanceof ReauthRequiredError) {
    return problem(401, "reauth_required", "Confirm your password", error.message, {
      reauth: true,
    });
  }
  if (error instanceof ReadOnlyError)
    return problem(403, "read_only", "Read-only session", error.message);
  throw error;
}

export const signedOut = () =>
  problem(401, "signed_out", "Not signed in", "Please sign in to download your data.");

export function downloadResponse(opened: {
  id: string;
  body: ReadableStream<Uint8Array>;
  fileName: string;
  contentType: string;
}) {
  return new Response(opened.body, {
    headers: {
      "content-type": opened.contentType,
      "content-disposition": `attachment; filename="${opened.fileName}"`,
      // no-transform: Next.js would otherwise gzip CSV and JSON on the fly, which costs more
      // than the export itself (the bench measured it at half the speed), and the SHA-256 in
      // the history is of exactly these bytes.
      "cache-control": "no-store, no-transform",
      "x-content-type-options": "nosniff",
      "x-export-id": opened.id,
    },
  });
}

export function refusedResponse(opened: {
  status: number;
  retryAfterSeconds?: number;
  message: string;
}) {
  const type =
    opened.status === 409
      ? "export_running"
      : opened.status === 429
        ? "export_limited"
        : "invalid_params";
  return problem(
    opened.status,
    type,
    opened.status === 400 ? "Invalid export settings" : "Export not started",
    opened.message,
    { retryAfterSeconds: opened.retryAfterSeconds ?? null },
    opened.retryAfterSeconds ? { "retry-after": String(opened.retryAfterSeconds) } : {},
  );
}
