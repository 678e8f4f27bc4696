/** Progress of a streamed download, as the page shows it. */
export type DownloadProgress = { bytes: number; records: number };

export type DownloadResult =
  | { ok: true; fileName: string; bytes: number; records: number }
  | { ok: false; reauth?: boolean; message: string };

const NL = 0x0a;

/**
 * Counts records in the stream as it passes: in the JSON document every record is a line that
 * starts with `{"` (so "\n{\"" marks one); in the ZIP every CSV record ends with CRLF, less one
 * header line per file (a value holding CRLF itself would count twice, so this is "about").
 */
function recordCounter(format: "json" | "zip", headerLines: number) {
  let n = 0;
  let prev1 = 0;
  let prev2 = 0;
  return {
    push(chunk: Uint8Array) {
      for (let i = 0; i < chunk.length; i++) {
        const b = chunk[i]!;
        if (
          format === "json"
            ? prev2 === NL && prev1 === 0x7b && b === 0x22
            : prev1 === 0x0d && b === NL
        )
          n++;
        prev2 = prev1;
        prev1 = b;
      }
    },
    get records() {
      return Math.max(0, format === "json" ? n : n - headerLines);
    },
  };
}

/**
 * Fetches the export, reporting progress, and hands the finished file to the browser's
 * download. Nothing is saved until every byte has arrived: a broken download leaves nothing.
 */
export async function downloadExport(
  url: string,
  format: "json" | "zip",
  headerLines: number,
  signal: AbortSignal,
  onProgress: (p: DownloadProgress) => void,
): Promise<DownloadResult> {
  let response: Response;
  try {
    response = await fetch(url, {
      signal,
      headers: { accept: "application/json, application/zip" },
    });
  } catch {
    return {
      ok: false,
      message: signal.aborted ? "You cancelled the download." : "We could not reach the server.",
    };
  }
  if (!response.ok || !response.body) {
    const problem = (await response.json().catch(() => ({}))) as {
      detail?: string;
      reauth?: boolean;
    };
    return {
      ok: false,
      reauth: problem.reauth === true,
      message: problem.detail ?? `The server answered ${response.status}.`,
    };
  }
  const fileName =
    /filename="([^"]+)"/.exec(response.headers.get("content-disposition") ?? "")?.[1] ??
    `export.${format}`;
  const counter = recordCounter(format, headerLines);
  const parts: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body.getReader();
  try {
    for (let r = await reader.read(); !r.done; r = await reader.read()) {
      parts.push(r.value);
      bytes += r.value.length;
      counter.push(r.value);
      onProgress({ bytes, records: counter.records });
    }
  } catch {
    return {
      ok: false,
      message: signal.aborted
        ? "You cancelled the download."
        : "The connection broke off before the export was complete.",
    };
  }
  const blob = new Blob(parts as BlobPart[], {
    type: response.headers.get("content-type") ?? "application/octet-stream",
  });
  const href = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = href;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(href), 60_000);
  return { ok: true, fileName, bytes, records: counter.records };
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / 1024 / 1024).toFixed(1)} MB`;
}
