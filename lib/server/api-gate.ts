import { MAX_BATCH_BYTES } from "../api/v1/body";

/**
 * Checks made on an ingestion API request in server.ts, before Next.js reads its body. Next.js
 * buffers a request body (up to 10 MB, twice) before the proxy and the route handler run, so
 * the handler's own byte cap (lib/api/v1/body.ts) would come only after an unauthenticated
 * client had sent it all. Here, a write to /api/v1 must say its length (411 otherwise), and a
 * length over the largest body the API takes is refused (413) without reading a byte. Pure.
 */
export function apiBodyRefusal(
  method: string | undefined,
  url: string | undefined,
  contentLength: string | undefined,
): { status: 411 | 413; title: string; detail: string } | null {
  if (!url?.startsWith("/api/v1/")) return null;
  if (method !== "POST" && method !== "PUT" && method !== "PATCH") return null;
  if (contentLength === undefined || !/^\d{1,12}$/.test(contentLength)) {
    return {
      status: 411,
      title: "Length required",
      detail: "Send a Content-Length header with the body (chunked bodies are not accepted).",
    };
  }
  if (Number(contentLength) > MAX_BATCH_BYTES) {
    return {
      status: 413,
      title: "Request body too large",
      detail: `The body is larger than ${MAX_BATCH_BYTES} bytes; split it into smaller requests.`,
    };
  }
  return null;
}

const HEALTH_PATHS = new Set(["/api/health", "/api/health/live", "/api/health/ready"]);

/** Whether a request may still be served while the instance drains after SIGTERM. */
export function allowedWhileDraining(url: string | undefined): boolean {
  const path = (url ?? "").split("?")[0]!;
  return HEALTH_PATHS.has(path);
}
