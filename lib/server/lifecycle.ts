/**
 * Whether this process is shutting down, and the signal that aborts long work (export streams)
 * when the drain window runs out. server.ts begins the shutdown on SIGTERM/SIGINT; the
 * readiness endpoint answers 503 from then on so the load balancer stops sending requests, and
 * new exports are refused. Kept on globalThis: server.ts and the app's bundles each load their
 * own copy of this module.
 */
type Lifecycle = { shuttingDown: boolean; abort: AbortController };
const shared = globalThis as { __pcLifecycle?: Lifecycle };
const state = (shared.__pcLifecycle ??= { shuttingDown: false, abort: new AbortController() });

export function beginShutdown(): void {
  state.shuttingDown = true;
}

export function isShuttingDown(): boolean {
  return state.shuttingDown;
}

/** Aborted when the drain window ends: running exports stop and are recorded as not finished. */
export function shutdownSignal(): AbortSignal {
  return state.abort.signal;
}

/** Ends the drain window: every listener on `shutdownSignal()` stops its work now. */
export function abortRunningWork(): void {
  state.shuttingDown = true;
  if (!state.abort.signal.aborted) state.abort.abort(new Error("The server is shutting down."));
}
