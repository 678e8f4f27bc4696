// A small round-robin HTTP load balancer for tests and benchmarks: each request (and each
// WebSocket-less keep-alive connection's next request) goes to the next app instance in turn.
// It sets X-Forwarded-For and X-Forwarded-Proto the way a real reverse proxy does, so the app,
// started with TRUSTED_PROXIES=127.0.0.1, sees the client's address.
//
//   node scripts/lb-proxy.mjs <listen-port> <target-port> [<target-port> …]
//   import { startRoundRobinProxy } from "./lb-proxy.mjs"
import http from "node:http";
import { pathToFileURL } from "node:url";

/**
 * Starts the balancer. `targets` are "host:port" strings or ports on 127.0.0.1. Resolves once
 * listening, with the counts of requests each target was sent and `close()`.
 */
export async function startRoundRobinProxy({ port, host = "127.0.0.1", targets }) {
  const upstreams = targets.map((t) =>
    typeof t === "number" ? { host: "127.0.0.1", port: t } : parseTarget(t),
  );
  if (upstreams.length === 0) throw new Error("lb-proxy: no targets");
  const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
  const sent = upstreams.map(() => 0);
  let next = 0;

  const server = http.createServer((req, res) => {
    const i = next;
    next = (next + 1) % upstreams.length;
    sent[i]++;
    const target = upstreams[i];
    const client = req.socket.remoteAddress ?? "";
    const forwarded = req.headers["x-forwarded-for"];
    const headers = {
      ...req.headers,
      "x-forwarded-for": forwarded ? `${forwarded}, ${client}` : client,
      "x-forwarded-proto": req.headers["x-forwarded-proto"] ?? "http",
      "x-forwarded-host": req.headers["x-forwarded-host"] ?? req.headers.host ?? "",
    };
    const upstream = http.request(
      { host: target.host, port: target.port, method: req.method, path: req.url, headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.rawHeaders);
        answer.pipe(res);
      },
    );
    upstream.on("error", () => {
      if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain" });
      res.end("Bad gateway");
    });
    req.on("aborted", () => upstream.destroy());
    req.pipe(upstream);
  });

  await new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, resolve);
  });
  return {
    port,
    sent,
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

function parseTarget(text) {
  const [host, port] = String(text).split(":");
  return { host: host || "127.0.0.1", port: Number(port) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [listen, ...targets] = process.argv.slice(2).map(Number);
  if (!listen || targets.length === 0 || targets.some((t) => !t)) {
    console.error("usage: node scripts/lb-proxy.mjs <listen-port> <target-port> [<target-port> …]");
    process.exit(2);
  }
  const proxy = await startRoundRobinProxy({ port: listen, targets });
  console.log(`lb-proxy: 127.0.0.1:${listen} → ${targets.join(", ")}`);
  const stop = () => proxy.close().then(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
