import { z } from "zod";
import { AppError, invalidInput } from "@/lib/errors";

/** Export settings that do not fit (answered 400 with the field errors). */
export function invalidParams(error: z.ZodError): AppError {
  return invalidInput(
    "Please check the export settings.",
    z.flattenError(error).fieldErrors as Record<string, string[]>,
    "Invalid export settings",
  );
}

export const EXPORT_SIGNED_OUT = "Please sign in to download your data.";

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

/** The DAL's refusal to start an export (one running, too many today, no such table). */
export function exportRefusal(opened: {
  status: number;
  retryAfterSeconds?: number;
  message: string;
}): AppError {
  const status = opened.status;
  return new AppError({
    code:
      status === 409
        ? "conflict"
        : status === 429
          ? "rate_limited"
          : status === 503
            ? "unavailable"
            : "invalid_input",
    status,
    title: status === 400 ? "Invalid export settings" : "Export not started",
    message: opened.message,
    extra: { retryAfterSeconds: opened.retryAfterSeconds ?? null },
    headers: opened.retryAfterSeconds ? { "retry-after": String(opened.retryAfterSeconds) } : {},
  });
}

/** Why a download the export page started was refused, as the page names it (?refused=…). */
export const REFUSAL_CODES = [
  "reauth_required",
  "read_only",
  "erasure_scheduled",
  "rate_limited",
  "conflict",
  "unavailable",
  "invalid_input",
  "signed_out",
] as const;
export type RefusalCode = (typeof REFUSAL_CODES)[number] | "unknown";

/**
 * The export page starts a download by navigating to the route, so the browser writes the
 * file straight to disk. A refusal answered to that navigation would replace the page with a
 * problem document; instead the page is shown again, saying why (?refused=code). Only for our
 * own pages' navigations: a cross-site request still gets its 403 problem, and fetches and
 * programs get problem+json as before.
 */
export function backToExportPage<Context>(
  handler: (request: Request, context: Context) => Promise<Response>,
): (request: Request, context: Context) => Promise<Response> {
  return async (request, context) => {
    const response = await handler(request, context);
    if (
      response.ok ||
      request.headers.get("sec-fetch-mode") !== "navigate" ||
      request.headers.get("sec-fetch-site") !== "same-origin"
    ) {
      return response;
    }
    const problem = (await response.json().catch(() => ({}))) as { type?: string };
    const code = /#([a-z_]+)$/.exec(problem.type ?? "")?.[1];
    const refused: RefusalCode = REFUSAL_CODES.find((c) => c === code) ?? "unknown";
    return new Response(null, {
      status: 303,
      headers: { location: `/account/export?refused=${refused}`, "cache-control": "no-store" },
    });
  };
}

/** The file name a download gets, from its format and the day (UTC) it started. */
export function exportFileName(format: "json" | "zip" | "html", startedAt: Date): string {
  const stamp = startedAt.toISOString().slice(0, 10);
  return format === "json"
    ? `privacy-center-export-${stamp}.json`
    : format === "html"
      ? `privacy-center-export-${stamp}-html.zip`
      : `privacy-center-export-${stamp}.zip`;
}
