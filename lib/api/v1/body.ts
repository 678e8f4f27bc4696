import { ApiProblem } from "./problem";

/** Body limits: one item, and a batch. */
export const MAX_SINGLE_BYTES = 1024 * 1024;
export const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** Refuses anything but JSON (application/json, or any +json type), with or without charset. */
export function assertJson(request: Request): void {
  const type = request.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase() ?? "";
  if (type !== "application/json" && !/^application\/[a-z0-9.+-]+\+json$/.test(type)) {
    throw new ApiProblem(
      "unsupported-media-type",
      `Send the body as application/json${type ? `, not ${type}` : ""}.`,
      { errors: [{ header: "Content-Type", detail: "Must be application/json." }] },
    );
  }
}

function tooLarge(maxBytes: number): ApiProblem {
  return new ApiProblem(
    "too-large",
    `The body is larger than ${maxBytes} bytes; split it into smaller requests.`,
  );
}

/**
 * The body as text, read up to `maxBytes`: a Content-Length over the cap is refused before
 * reading, and the stream is cut (and the request refused) as soon as it passes the cap, so a
 * client that lies about the length, or sends none (chunked), cannot make us buffer more.
 */
export async function readBodyText(request: Request, maxBytes: number): Promise<string> {
  const declared = Number(request.headers.get("content-length") ?? "");
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => {});
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const bytes = Buffer.concat(chunks, total);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    throw new ApiProblem("validation", "The body is not valid UTF-8.", {
      errors: [{ pointer: "", detail: "Not valid UTF-8." }],
    });
  }
}

/** JSON.parse with a problem naming where it failed. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const why = error instanceof Error ? error.message : "malformed";
    throw new ApiProblem("validation", `The body is not valid JSON: ${why}`, {
      errors: [{ pointer: "", detail: "Not valid JSON." }],
    });
  }
}
