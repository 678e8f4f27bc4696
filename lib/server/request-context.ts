/**
 * The request id of the HTTP request being served, for log lines written while serving it.
 *
 * server.ts runs every request inside `runWithRequestId`; Next.js route handlers, server
 * actions and pages run in that request's async context, so `currentRequestId()` finds it
 * there. The store lives on globalThis because server.ts (loaded by tsx) and the app's bundles
 * (loaded by Next.js) each get their own copy of this module: two AsyncLocalStorage objects
 * would never see each other's values.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import { randomUUID } from "node:crypto";

type RequestContext = { requestId: string };
const shared = globalThis as { __pcRequestContext?: AsyncLocalStorage<RequestContext> };
const storage = (shared.__pcRequestContext ??= new AsyncLocalStorage<RequestContext>());

export const REQUEST_ID_HEADER = "x-request-id";

// A proxy's id is logged as given, so only a short token of safe characters is taken: nothing
// that could forge a log field, carry personal data of any length, or break a header.
const SANE_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/**
 * The id for a request: the trusted proxy's X-Request-Id when it sent a sane one (so its logs
 * and ours join up), else a new random one. An untrusted client's header is never taken.
 */
export function requestIdFor(incoming: string | string[] | undefined, trusted: boolean): string {
  const given = Array.isArray(incoming) ? incoming[0] : incoming;
  if (trusted && given && SANE_ID.test(given)) return given;
  return randomUUID();
}

export function runWithRequestId<T>(requestId: string, fn: () => T): T {
  return storage.run({ requestId }, fn);
}

/** The id of the request being served, or undefined outside a request (start-up, jobs). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}
