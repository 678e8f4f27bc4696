import "server-only";
import type { z } from "zod";
import { sha256Hex } from "@/lib/crypto";
import {
  authenticateApiToken,
  takeApiRate,
  touchApiToken,
  type ApiToken,
} from "@/lib/dal/ingest/tokens";
import type { IngestAnswer, IngestContext } from "@/lib/dal/ingest/run";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { CLIENT_IP_HEADER } from "@/lib/net/client-ip";
import type { TokenScope } from "@/lib/validation/data";
import { idempotencyKeySchema } from "@/lib/validation/api-v1";
import { assertJson, MAX_BATCH_BYTES, MAX_SINGLE_BYTES, parseJson, readBodyText } from "./body";
import { ApiProblem, problemHttpResponse, validationProblem } from "./problem";

type Schema = z.ZodType;
type RouteContext = { params: Promise<Record<string, string | string[] | undefined>> };

export type ApiHandlerInput<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> = {
  request: Request;
  token: ApiToken;
  /** The token and the Idempotency-Key, for the DAL's ingest transaction. */
  ingest: IngestContext;
  body: B extends Schema ? z.output<B> : undefined;
  query: Q extends Schema ? z.output<Q> : undefined;
  params: P extends Schema ? z.output<P> : undefined;
};

export type ApiRouteOptions<
  B extends Schema | undefined,
  Q extends Schema | undefined,
  P extends Schema | undefined,
> = {
  /** The scope the token must carry; null: any valid token. */
  scope: TokenScope | null;
  body?: B;
  query?: Q;
  params?: P;
  /** Batch routes: a larger body limit, and the Idempotency-Key is required. */
  batch?: boolean;
  handler: (input: ApiHandlerInput<B, Q, P>) => Promise<IngestAnswer>;
};

/**
 * Every /api/v1 route handler, one preamble: the bearer token (401), its scope (403), the
 * per-token rate limit (429), then — for a body — JSON only (415), the size cap (413), the
 * Idempotency-Key and the zod schema (400 naming each field by JSON pointer). The handler then
 * calls the DAL with the token; the holder is always the token's owner, never the request's.
 * Every refusal is an RFC 9457 problem document.
 */
export function apiRoute<
  B extends Schema | undefined = undefined,
  Q extends Schema | undefined = undefined,
  P extends Schema | undefined = undefined,
>(options: ApiRouteOptions<B, Q, P>) {
  return async (request: Request, context: RouteContext): Promise<Response> => {
    const url = new URL(request.url);
    try {
      const token = await authenticate(request);
      if (options.scope && !token.scopes.includes(options.scope)) {
        throw new ApiProblem(
          "forbidden",
          `This token does not have the "${options.scope}" scope. Create a token that has it.`,
        );
      }
      const rate = await takeApiRate(token.id, env.API_RATE_LIMIT_PER_MINUTE);
      if (!rate.allowed) {
        throw new ApiProblem(
          "rate-limited",
          `This token may make ${env.API_RATE_LIMIT_PER_MINUTE} requests a minute; try again in ${rate.retryAfterSeconds} s.`,
          { headers: { "retry-after": String(rate.retryAfterSeconds) } },
        );
      }
      await touchApiToken(token.id, request.headers.get(CLIENT_IP_HEADER)).catch(
        (error: unknown) => {
          // Recording use is bookkeeping: it must never fail the request.
          log.warn("api: could not record token use", { error: String(error) });
        },
      );

      const params = options.params
        ? parseOrThrow(options.params, await context.params, "path")
        : undefined;
      const query = options.query
        ? parseOrThrow(options.query, Object.fromEntries(url.searchParams), "query")
        : undefined;

      const ingest: IngestContext = { token };
      let body: unknown = undefined;
      if (options.body) {
        assertJson(request);
        const text = await readBodyText(
          request,
          options.batch ? MAX_BATCH_BYTES : MAX_SINGLE_BYTES,
        );
        const key = idempotencyKey(request, options.batch === true);
        if (key) {
          ingest.idempotency = {
            key,
            requestHash: sha256Hex(`${request.method} ${url.pathname}\n${text}`),
          };
        }
        body = parseOrThrow(options.body, parseJson(text), "body");
      }

      const answer = await options.handler({
        request,
        token,
        ingest,
        body: body as ApiHandlerInput<B, Q, P>["body"],
        query: query as ApiHandlerInput<B, Q, P>["query"],
        params: params as ApiHandlerInput<B, Q, P>["params"],
      });
      const headers: Record<string, string> = { "cache-control": "no-store" };
      if (answer.replayed) headers["idempotent-replayed"] = "true";
      return Response.json(answer.body, { status: answer.status, headers });
    } catch (error) {
      return problemHttpResponse(error, env.APP_URL, url.pathname);
    }
  };
}

async function authenticate(request: Request): Promise<ApiToken> {
  const header = request.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match) {
    throw new ApiProblem("unauthorized", "Send your access token as Authorization: Bearer pct_…");
  }
  const token = await authenticateApiToken(match[1]!);
  if (!token) {
    throw new ApiProblem("unauthorized", "This access token is unknown, revoked or expired.");
  }
  return token;
}

function idempotencyKey(request: Request, required: boolean): string | undefined {
  const raw = request.headers.get("idempotency-key");
  if (raw === null) {
    if (!required) return undefined;
    throw new ApiProblem("validation", "Batch requests need an Idempotency-Key header.", {
      errors: [{ header: "Idempotency-Key", detail: "Required on batch requests." }],
    });
  }
  const parsed = idempotencyKeySchema.safeParse(raw);
  if (!parsed.success) {
    throw new ApiProblem("validation", "The Idempotency-Key header is not valid.", {
      errors: [{ header: "Idempotency-Key", detail: parsed.error.issues[0]!.message }],
    });
  }
  return parsed.data;
}

function parseOrThrow<S extends Schema>(
  schema: S,
  input: unknown,
  where: "body" | "query" | "path",
): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw validationProblem(parsed.error.issues, where);
  return parsed.data;
}
