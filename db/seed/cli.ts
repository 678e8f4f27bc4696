/**
 * npm run db:seed -- [--users N] [--print-jobs M] [--reset]
 *
 * Seeds demo data into the database the app would use. This script reads DATABASE_URL and
 * PGLITE_DATA_DIR straight from process.env: it is a command-line entry point, and lib/env.ts
 * (the app's only reader of the environment) also demands app-only settings such as the auth
 * secret that seeding does not need.
 */
import { parseArgs } from "node:util";
import { hashPassword } from "../../lib/auth/password";
import { openDatabase } from "../client";
import { migrateDatabase } from "../migrate";
import { DEFAULT_PRINT_JOBS, resetDemoData, seedDemoData } from "./index";

const HELP = `Usage: npm run db:seed -- [options]

  --users N         also create N generated account holders (small history each)
  --print-jobs M    print jobs of the demo account holder (default ${DEFAULT_PRINT_JOBS})
  --reset           delete the seeded accounts and everything they own first
  --help            show this text

Uses DATABASE_URL (PostgreSQL) when set, otherwise the embedded database in PGLITE_DATA_DIR
(default .data/pglite).`;

function count(value: string | undefined, flag: string): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value.replaceAll("_", ""));
  if (!Number.isSafeInteger(n) || n < 0) {
    console.error(`${flag} needs a whole number ≥ 0, got "${value}"`);
    process.exit(2);
  }
  return n;
}

async function main(): Promise<void> {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        users: { type: "string" },
        "print-jobs": { type: "string" },
        reset: { type: "boolean", default: false },
        help: { type: "boolean", default: false },
      },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (values.help) {
    console.log(HELP);
    return;
  }
  const users = count(values.users, "--users");
  const printJobs = count(values["print-jobs"], "--print-jobs");

  const url = process.env.DATABASE_URL || undefined;
  const dataDir = process.env.PGLITE_DATA_DIR || ".data/pglite";
  const started = Date.now();
  const handle = openDatabase(url ? { url, poolMax: 3 } : { dataDir });
  try {
    console.log(url ? `Database: PostgreSQL (${redact(url)})` : `Database: PGlite (${dataDir})`);
    await migrateDatabase(handle, url);
    const seconds = (ms: number) => `${(ms / 1000).toFixed(1)}s`;
    if (values.reset) {
      const resetStarted = Date.now();
      const removed = await resetDemoData(handle);
      console.log(
        `Reset: removed ${removed} seeded account(s) and everything they owned ` +
          `in ${seconds(Date.now() - resetStarted)}.`,
      );
    }
    const summary = await seedDemoData(handle, {
      hashPassword,
      users,
      printJobs,
      progress: true,
      log: (line) => console.log(line),
    });
    if (!summary.created) {
      console.log("The demo accounts were already there: nothing of theirs was changed.");
      if (printJobs !== undefined) console.log("Use --reset to seed them again with new numbers.");
    }
    if (summary.volume.added || summary.volume.skipped) {
      console.log(
        `Generated account holders: ${summary.volume.added} added, ` +
          `${summary.volume.skipped} already there (password ${summary.volume.password}).`,
      );
    }
    for (const [table, rows] of Object.entries(summary.counts)) {
      console.log(`  ${table.padEnd(24)} ${rows.toLocaleString("en").padStart(12)}`);
    }
    console.log("\nSign in with:");
    console.log(`  account holder  ${summary.demo.email}  /  ${summary.demo.password}`);
    console.log(`  support agent   ${summary.agent.email}  /  ${summary.agent.password}`);
    console.log(`  admin           ${summary.admin.email}  /  ${summary.admin.password}`);
    console.log(
      `\nDone in ${seconds(Date.now() - started)}, of which seeding ${seconds(summary.elapsedMs)}.`,
    );
  } finally {
    await handle.close();
  }
}

/** The URL without its password, for the log. */
function redact(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = "***";
    return u.toString();
  } catch {
    return "(unparseable URL)";
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
