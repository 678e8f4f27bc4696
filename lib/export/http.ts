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
