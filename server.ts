/**
 * The app's HTTP entry point (`npm run dev`, `npm start`): Next.js behind a thin layer that
 * decides who the client is. Next.js itself would keep a client-sent X-Forwarded-For, so this
 * layer overwrites the one header the app believes (x-pc-client-ip) on every request and stamps
 * it with a per-process key that proxy.ts checks (lib/net/internal-key).
 *
 * Start-up either ends with "Listening" or stops with one line on stderr and exit code 1: a bad
 * setting, a port in use, or a refusal from db/startup.ts (run through instrumentation.ts).
 *
 * Every request gets an id (X-Request-Id, taken from a trusted proxy when sane), returned in the
 * response and put on every log line written while serving it (lib/server/request-context).
 * On SIGTERM/SIGINT it stops taking requests, lets running ones (exports too) finish for up to
 * EXPORT_ABORT_MS, then aborts what still runs, releases its jobs and exits within 10 s.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { parseEnv, productionStartProblem } from "./lib/env-schema";
import {
  CLIENT_IP_HEADER,
  isTrustedProxy,
  parseTrustedProxies,
  resolveClientIp,
} from "./lib/net/client-ip";
import { createInternalKey, INTERNAL_KEY_HEADER } from "./lib/net/internal-key";
import { allowedWhileDraining, apiBodyRefusal } from "./lib/server/api-gate";
import { abortRunningWork, beginShutdown, isShuttingDown } from "./lib/server/lifecycle";
import { formatLogLine } from "./lib/server/log-line";
import { REQUEST_ID_HEADER, requestIdFor, runWithRequestId } from "./lib/server/request-context";

const dev = process.argv.includes("--dev");
if (!dev) Object.assign(process.env, { NODE_ENV: "production" });

function refuse(message: string): never {
  console.error(`[error] Start-up refused: ${message.replace(/\s*\n\s*/g, " ")}`);
  process.exit(1);
}

function loadEnv() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    // A bad setting stops start-up with a message that names the variable.
    return refuse((error as Error).message);
  }
}
const env = loadEnv();
const problem = productionStartProblem(env);
if (problem) refuse(problem);
const { PORT: port, HOST: host } = env;
let trusted: ReturnType<typeof parseTrustedProxies>;
try {
  trusted = parseTrustedProxies(env.TRUSTED_PROXIES);
} catch (error) {
  refuse((error as Error).message);
}
const internalKey = createInternalKey();

type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;
let whenReady: (h: Handler) => void = () => {};
const ready = new Promise<Handler>((resolve) => (whenReady = resolve));

const server = createServer((req, res) => {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
  req.headers[INTERNAL_KEY_HEADER] = internalKey;
  const requestId = requestIdFor(
    req.headers[REQUEST_ID_HEADER],
    isTrustedProxy(trusted, req.socket.remoteAddress),
  );
  req.headers[REQUEST_ID_HEADER] = requestId;
  res.setHeader("X-Request-Id", requestId);
  if (isShuttingDown() && !allowedWhileDraining(req.url)) {
    // A request on a kept-alive connection after SIGTERM: send it elsewhere (readiness still
    // answers, with 503, so the balancer learns why).
    res.writeHead(503, { connection: "close", "retry-after": "1", "content-type": "text/plain" });
    res.end("Shutting down; please retry.");
    return;
  }
  const apiRefusal = apiBodyRefusal(req.method, req.url, req.headers["content-length"]);
  if (apiRefusal) {
    res.writeHead(apiRefusal.status, {
      connection: "close",
      "content-type": "application/problem+json",
    });
    res.end(JSON.stringify({ type: "about:blank", ...apiRefusal }));
    return;
  }
  // The port is taken before Next.js prepares (so a busy port stops start-up first); the few
  // requests that arrive meanwhile wait for it.
  void ready.then((handle) => runWithRequestId(requestId, () => handle(req, res)));
});

await new Promise<void>((resolve) => {
  server.once("error", (error: NodeJS.ErrnoException) =>
    refuse(
      error.code === "EADDRINUSE"
        ? `PORT: ${host}:${port} is already in use; stop the other server or set PORT to a free port.`
        : `cannot listen on ${host}:${port} (${error.code ?? error.message}); check PORT and HOST.`,
    ),
  );
  // A client gets a minute to send its whole request (Node's default is five): a body trickled
  // in forever must not hold a connection, and the memory Next.js buffers it in, for long.
  server.requestTimeout = 60_000;
  server.headersTimeout = 30_000;
  server.listen(port, host, resolve);
});

const { default: next } = await import("next");
const app = next({ dev, hostname: host === "0.0.0.0" ? "localhost" : host, port });
try {
  await app.prepare();
} catch (error) {
  refuse(
    (error as Error).message.replace(/^An error occurred while loading instrumentation hook: /, ""),
  );
}
whenReady(app.getRequestHandler());
// Next.js loads the app, and with it instrumentation.ts (db/startup.ts: migrations and the
// production refusals), on the first request, not in prepare(). Make that request ourselves, so
// a refusal ends the process before anyone is told the server is listening.
const local =
  host === "0.0.0.0" || host === "::" ? "127.0.0.1" : host.includes(":") ? `[${host}]` : host;
try {
  await fetch(`http://${local}:${port}/api/health`, { signal: AbortSignal.timeout(300_000) });
} catch (error) {
  refuse(`the server did not answer its first request (${(error as Error).message}).`);
}
const say = (level: "info" | "warn", msg: string, fields?: Record<string, unknown>) =>
  console.log(formatLogLine(level, msg, fields, undefined));
say("info", `Listening on ${host}:${port} (${dev ? "development" : "production"})`);

// The background-job workers (lib/jobs) live in the app's bundles; they leave their stop here.
const jobs = globalThis as { __privacyCenterJobs?: { stop?: () => Promise<void> } };

// Exports still streaming this long after the signal are aborted (the client sees a broken
// download; the history says it did not finish), leaving time to record that before the exit.
const EXPORT_ABORT_MS = 7_000;
const EXIT_MS = 10_000;

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    // Readiness answers 503 and new requests are refused from now on; the listening socket
    // closes, so the load balancer sends new connections to the other instances.
    beginShutdown();
    say("info", "Shutting down: no new requests; draining", { signal });
    // Stop taking jobs and let running ones finish (pg-boss waits up to 4 s), while open
    // connections drain; whatever is still running after 10 s is retried by another instance.
    const jobsStopped = (jobs.__privacyCenterJobs?.stop?.() ?? Promise.resolve()).catch(() => {});
    server.close(
      () =>
        void jobsStopped.then(() => {
          say("info", "Stopped");
          process.exit(0);
        }),
    );
    server.closeIdleConnections();
    setTimeout(() => {
      say("warn", "Drain window over: aborting running exports");
      abortRunningWork();
    }, EXPORT_ABORT_MS).unref();
    setTimeout(() => process.exit(0), EXIT_MS).unref();
  });
}
