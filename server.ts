/**
 * The app's HTTP entry point (`npm run dev`, `npm start`): Next.js behind a thin layer that
 * decides who the client is. Next.js itself would keep a client-sent X-Forwarded-For, so this
 * layer overwrites the one header the app believes (x-pc-client-ip) on every request.
 */
import { createServer } from "node:http";
import { parseEnv } from "./lib/env-schema";
import { CLIENT_IP_HEADER, parseTrustedProxies, resolveClientIp } from "./lib/net/client-ip";

const dev = process.argv.includes("--dev");
if (!dev) Object.assign(process.env, { NODE_ENV: "production" });

function loadEnv() {
  try {
    return parseEnv(process.env);
  } catch (error) {
    // A bad setting stops start-up with a message that names the variable.
    console.error((error as Error).message);
    process.exit(1);
  }
}
const env = loadEnv();
const { PORT: port, HOST: host } = env;
const trusted = parseTrustedProxies(env.TRUSTED_PROXIES);

const { default: next } = await import("next");
const app = next({ dev, hostname: host === "0.0.0.0" ? "localhost" : host, port });
const handle = app.getRequestHandler();
await app.prepare();

const server = createServer((req, res) => {
  const ip = resolveClientIp(req.socket.remoteAddress, req.headers["x-forwarded-for"], trusted);
  if (ip) req.headers[CLIENT_IP_HEADER] = ip;
  else delete req.headers[CLIENT_IP_HEADER];
  void handle(req, res);
});
server.listen(port, host, () => {
  console.log(`[info] Listening on ${host}:${port} (${dev ? "development" : "production"})`);
});

for (const signal of ["SIGTERM", "SIGINT"] as const) {
  process.once(signal, () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
