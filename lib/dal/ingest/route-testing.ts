// Tests only: calls /api/v1 route handlers in-process, as Next.js would.
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type CallOptions = {
  method?: string;
  secret?: string;
  body?: unknown;
  headers?: Record<string, string>;
  params?: Record<string, string>;
};

export type CallResult = {
  status: number;
  headers: Headers;
  json: Record<string, unknown> | null;
};

export async function callRoute(
  handler: unknown,
  path: string,
  opts: CallOptions = {},
): Promise<CallResult> {
  const headers: Record<string, string> = { ...opts.headers };
  if (opts.secret) headers.authorization = `Bearer ${opts.secret}`;
  if (opts.body !== undefined) headers["content-type"] ??= "application/json";
  const body =
    opts.body === undefined
      ? undefined
      : typeof opts.body === "string"
        ? opts.body
        : JSON.stringify(opts.body);
  const res = await (handler as RouteHandler)(
    new Request(`http://localhost/api/v1${path}`, {
      method: opts.method ?? (opts.body === undefined ? "GET" : "POST"),
      headers,
      body,
    }),
    { params: Promise.resolve(opts.params ?? {}) },
  );
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    json: text ? (JSON.parse(text) as Record<string, unknown>) : null,
  };
}

export const secondsAgo = (s: number) => new Date(Date.now() - s * 1000).toISOString();
