import { parseArgs } from "node:util";

/** What `npm run simulate -- …` was asked to do. Pure: tested in args.test.ts. */
export type SimulatorOptions = {
  token: string | null;
  demo: boolean;
  url: string;
  printers: number;
  /** Seconds between a printer's steps (and between a print's temperature samples). */
  interval: number;
  /** Seconds to run; 0 runs until Ctrl-C. */
  duration: number;
};

export const USAGE = `Usage: npm run simulate -- --token pct_… [options]
       npm run simulate -- --demo [options]   (development and DEMO_MODE only)

Acts as a small fleet of printers sending data to the Privacy Center's API (/api/v1): it
registers the printers, changes their status, runs prints with temperature samples and
materials, and now and then sends a diagnostics bundle. One line per action.

Options:
  --token <pct_…>     an access token from /account/data/access-tokens (or PC_TOKEN)
  --demo              create a fresh token for the demo account (demo@example.com) and use it
  --url <address>     where the app runs (default http://127.0.0.1:3000)
  --printers <n>      how many printers, 1–50 (default 3)
  --interval <s>      seconds between steps, 0.2–600 (default 3)
  --duration <s>      seconds to run, 0 for until Ctrl-C (default 0)
  --help              this text`;

export class UsageError extends Error {}

function numberIn(name: string, raw: string, min: number, max: number, integer = false): number {
  const n = Number(raw);
  if (
    raw.trim() === "" ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (integer && !Number.isInteger(n))
  ) {
    throw new UsageError(
      `--${name} must be ${integer ? "a whole number" : "a number"} from ${min} to ${max} (got "${raw}").`,
    );
  }
  return n;
}

/**
 * Parses the command line; throws UsageError with a sentence a person can act on. Returns null
 * for --help. The token may come from PC_TOKEN so it stays out of the shell history.
 */
export function parseSimulatorArgs(
  argv: string[],
  environment: Record<string, string | undefined> = {},
): SimulatorOptions | null {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        token: { type: "string" },
        demo: { type: "boolean", default: false },
        url: { type: "string", default: "http://127.0.0.1:3000" },
        printers: { type: "string", default: "3" },
        interval: { type: "string", default: "3" },
        duration: { type: "string", default: "0" },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) return null;
  const token = values.token ?? environment.PC_TOKEN ?? null;
  if (values.demo && values.token) throw new UsageError("Give --token or --demo, not both.");
  if (!values.demo && !token) throw new UsageError("Give --token pct_… (or --demo).");
  if (token !== null && !values.demo && !/^pct_[A-Za-z0-9_-]{10,}$/.test(token)) {
    throw new UsageError(
      "--token must be a Privacy Center access token: it starts with pct_ (copy it from /account/data/access-tokens).",
    );
  }
  let url: URL;
  try {
    url = new URL(values.url);
  } catch {
    throw new UsageError(
      `--url must be an address like http://127.0.0.1:3000 (got "${values.url}").`,
    );
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError("--url must start with http:// or https://.");
  }
  return {
    token: values.demo ? null : token,
    demo: values.demo,
    url: url.origin,
    printers: numberIn("printers", values.printers, 1, 50, true),
    interval: numberIn("interval", values.interval, 0.2, 600),
    duration: numberIn("duration", values.duration, 0, 7 * 86_400),
  };
}
