import { randomUUID } from "node:crypto";

/** An RFC 9457 problem document as the API sends it. */
export type Problem = {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: { pointer?: string; detail: string }[];
};

export type ApiResult = { status: number; body: unknown; problem: Problem | null };

/** The token no longer works (401): nothing the simulator does will succeed, so it stops. */
export class TokenRefusedError extends Error {}

/** The problem's name from its type URI (…#problem-restricted → "restricted"). */
export function problemName(p: Problem | null): string | null {
  const m = /#problem-([a-z-]+)$/.exec(p?.type ?? "");
  return m ? m[1]! : null;
}

/** "409 restricted: Processing of print jobs is restricted by the holder." */
export function describeProblem(r: ApiResult): string {
  const name = problemName(r.problem) ?? r.problem?.title ?? "error";
  const where = r.problem?.errors?.[0]?.pointer ? ` (at ${r.problem.errors[0].pointer})` : "";
  return `${r.status} ${name}: ${r.problem?.detail ?? "no detail"}${where}`;
}

/** Seconds to wait from a Retry-After header (seconds or an HTTP date); 5 when absent. */
export function retryAfterSeconds(header: string | null, now = Date.now()): number {
  if (!header) return 5;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, Math.min(seconds, 3600));
  const at = Date.parse(header);
  return Number.isNaN(at) ? 5 : Math.max(0, Math.min((at - now) / 1000, 3600));
}

/**
 * The API as a printer talks to it: bearer token, JSON, an Idempotency-Key on every write that
 * stays the same across retries (so a retry after a lost answer never stores twice), Retry-After
 * honoured on 429, a few retries with back-off on network errors and 5xx. A 401 throws
 * TokenRefusedError; other refusals are returned for the caller to print.
 */
export class ApiClient {
  constructor(
    private readonly base: string,
    private readonly token: string,
    private readonly log: (line: string) => void,
    private readonly signal: AbortSignal,
  ) {}

  async request(method: string, path: string, body?: unknown): Promise<ApiResult> {
    const key = method === "GET" ? null : randomUUID();
    for (let attempt = 1; ; attempt++) {
      let res: Response;
      try {
        res = await fetch(this.base + path, {
          method,
          headers: {
            authorization: `Bearer ${this.token}`,
            accept: "application/json",
            ...(body === undefined ? {} : { "content-type": "application/json" }),
            ...(key ? { "idempotency-key": key } : {}),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: this.signal,
        });
      } catch (error) {
        if (this.signal.aborted) throw error;
        if (attempt >= 5) throw error;
        this.log(`network error on ${method} ${path} (${(error as Error).message}); retrying`);
        await sleep(500 * 2 ** attempt, this.signal);
        continue;
      }
      const text = await res.text();
      let parsed: unknown = null;
      try {
        parsed = text ? JSON.parse(text) : null;
      } catch {
        parsed = text;
      }
      const problem = res.ok ? null : ((parsed ?? {}) as Problem);
      if (res.status === 401) {
        throw new TokenRefusedError(
          `The API refused the token (401: ${problem?.detail ?? "unauthorized"}). It may be revoked, expired or mistyped: create a new one at /account/data/access-tokens.`,
        );
      }
      if (res.status === 429 && attempt < 10) {
        const wait = retryAfterSeconds(res.headers.get("retry-after"));
        this.log(`rate-limited on ${method} ${path}: waiting ${wait} s as the API asks`);
        await sleep(wait * 1000, this.signal);
        continue;
      }
      if (res.status >= 500 && attempt < 4) {
        this.log(`server error ${res.status} on ${method} ${path}; retrying`);
        await sleep(1000 * attempt, this.signal);
        continue;
      }
      return { status: res.status, body: parsed, problem };
    }
  }
}

/** Waits, or rejects as soon as `signal` aborts (Ctrl-C ends a long wait at once). */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal!.reason);
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}
