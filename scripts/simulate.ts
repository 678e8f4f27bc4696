// npm run simulate -- --token pct_… [--url http://127.0.0.1:3000] [--printers 3] [--interval 3]
// [--duration 0]   or   npm run simulate -- --demo   (development / DEMO_MODE only)
// A fleet of pretend printers sending status, prints with temperatures, materials and the odd
// diagnostics bundle through the real API (/api/v1), so a person watching the holder's pages
// sees data arrive. See scripts/simulate/*.ts; `--help` for the options.
import { Client } from "../bench/http";
import { DEMO_ACCOUNTS } from "../db/seed/accounts";
import { parseSimulatorArgs, USAGE, UsageError, type SimulatorOptions } from "./simulate/args";
import { ApiClient, TokenRefusedError } from "./simulate/client";
import { runFleet } from "./simulate/fleet";

const log = (line: string) => console.log(`${new Date().toISOString().slice(11, 19)} ${line}`);

/** A fresh token for the demo holder: sign in with the published demo password, then ask. */
async function demoToken(url: string): Promise<string> {
  const client = new Client(url);
  try {
    await client.signIn(DEMO_ACCOUNTS.demo.email, DEMO_ACCOUNTS.demo.password);
  } catch (error) {
    throw new Error(
      `Could not sign in as the demo account at ${url} (${(error as Error).message}). --demo needs the app running in development or with DEMO_MODE=true and the demo data seeded.`,
    );
  }
  const res = await client.fetch("/api/demo/simulator-token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: "{}",
  });
  const body = (await res.json().catch(() => ({}))) as {
    secret?: string;
    prefix?: string;
    detail?: string;
  };
  if (res.status !== 200 || !body.secret) {
    throw new Error(
      `The app gave no simulator token (${res.status}: ${body.detail ?? "no detail"}). --demo works only in development or with DEMO_MODE=true; otherwise create a token at /account/data/access-tokens and pass --token.`,
    );
  }
  log(
    `created a printer token for ${DEMO_ACCOUNTS.demo.email}: ${body.prefix}… (revoke it on the access-tokens page when done)`,
  );
  return body.secret;
}

async function main(opts: SimulatorOptions): Promise<number> {
  const token = opts.demo ? await demoToken(opts.url) : opts.token!;
  const stop = new AbortController(); // first Ctrl-C or the duration: finish cleanly
  const hard = new AbortController(); // second Ctrl-C: abandon requests in flight
  let interrupts = 0;
  process.on("SIGINT", () => {
    interrupts++;
    if (interrupts === 1) {
      log("stopping: ending prints and marking printers offline (Ctrl-C again to quit now)");
      stop.abort();
    } else {
      hard.abort();
      process.exit(130);
    }
  });
  process.on("SIGTERM", () => stop.abort());
  if (opts.duration > 0) setTimeout(() => stop.abort(), opts.duration * 1000).unref();

  const api = new ApiClient(opts.url, token, log, hard.signal);
  const who = await api.request("GET", "/api/v1/token");
  if (who.status === 200) {
    const t = who.body as { name: string; scopes: string[] };
    log(`token "${t.name}" may: ${t.scopes.join(", ")}`);
  }
  log(
    `simulating ${opts.printers} printer${opts.printers === 1 ? "" : "s"} against ${opts.url}, a step every ${opts.interval} s${opts.duration ? ` for ${opts.duration} s` : " until Ctrl-C"}`,
  );
  await runFleet(api, opts, stop.signal, log);
  log("stopped cleanly");
  return 0;
}

let opts: SimulatorOptions | null;
try {
  opts = parseSimulatorArgs(process.argv.slice(2), process.env);
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  console.error(`${error.message}\n\n${USAGE}`);
  process.exit(2);
}
if (!opts) {
  console.log(USAGE);
  process.exit(0);
}
try {
  process.exit(await main(opts));
} catch (error) {
  if (error instanceof TokenRefusedError) {
    console.error(error.message);
    process.exit(1);
  }
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
