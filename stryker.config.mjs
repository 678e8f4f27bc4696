// Mutation testing (`npm run test:mutation [-- module …]`, see scripts/mutation.mjs). Stryker
// changes one thing at a time in the modules below and runs only the tests listed beside each;
// a change no test notices is a rule the tests let break.
//
// Each module (scripts/mutation-modules.mjs) is its own Stryker run, selected by the
// MUTATION_MODULE variable, with its own report and incremental file under
// reports/mutation/<module>/ (gitignored).

import { modules } from "./scripts/mutation-modules.mjs";

// eslint-disable-next-line no-restricted-properties -- tool configuration, not app code
const name = process.env.MUTATION_MODULE ?? "";
const selected = modules[name];
if (!selected) {
  throw new Error(
    `MUTATION_MODULE must be one of ${Object.keys(modules).join(", ")}; run npm run test:mutation`,
  );
}
const dir = `reports/mutation/${name}`;

/** @type {import("@stryker-mutator/api/core").PartialStrykerOptions} */
const config = {
  testRunner: "vitest",
  plugins: ["@stryker-mutator/vitest-runner"],
  // The module's tests, and only those, are the include lists of this config. vitest.related
  // would drop a test that reaches the module only through another one.
  vitest: { configFile: "vitest.mutation.config.mjs", related: false },
  mutate: selected.mutate,
  coverageAnalysis: "perTest",
  // One worker: the machine is shared, and each PGlite test file starts its own database.
  concurrency: 1,
  timeoutMS: 60_000,
  // The first run starts every listed file's database; on a busy shared machine that can take
  // longer than Stryker's default 5 minutes.
  dryRunTimeoutMinutes: 30,
  incremental: true,
  incrementalFile: `${dir}/incremental.json`,
  reporters: ["clear-text", "progress-append-only", "html", "json"],
  htmlReporter: { fileName: `${dir}/index.html` },
  jsonReporter: { fileName: `${dir}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportScoreTable: true },
  tempDirName: ".stryker-tmp",
  ignorePatterns: [
    ".next",
    ".data",
    "test-results",
    "playwright-report",
    "bench/results",
    "reports",
    "e2e",
  ],
  cleanTempDir: "always",
  thresholds: { high: 90, low: 80, break: null },
};

export default config;
