// `npm run test:mutation [-- module …]`: Stryker over the modules in mutation-modules.mjs (all of
// them, or those named), one run each, then the score per file. Reports go to
// reports/mutation/<module>/ (index.html, mutation.json); the incremental file there lets a second
// run retest only what changed. Exits 1 when a run fails; a low score alone does not fail it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { modules } from "./mutation-modules.mjs";

const args = process.argv.slice(2);
const force = args.includes("--force");
const named = args.filter((a) => !a.startsWith("--"));
const unknown = named.filter((n) => !(n in modules));
if (unknown.length) {
  console.error(`Unknown module ${unknown.join(", ")}; known: ${Object.keys(modules).join(", ")}`);
  process.exit(2);
}
const selected = named.length ? named : Object.keys(modules);

// Integration tests must run on PGlite only: drop DATABASE_URL so the int-postgres project is off.
const env = { ...process.env };
delete env.DATABASE_URL;

/** Killed and timed-out mutants over all that ran (survived and no-coverage count against). */
function score(mutants) {
  const count = (...statuses) => mutants.filter((m) => statuses.includes(m.status)).length;
  const detected = count("Killed", "Timeout");
  const undetected = count("Survived", "NoCoverage");
  const total = detected + undetected;
  return { detected, undetected, total, ignored: count("Ignored") };
}

const pct = (s) => (s.total ? ((100 * s.detected) / s.total).toFixed(1) : "n/a").padStart(5);
const lines = [];
let failed = false;
for (const name of selected) {
  const started = Date.now();
  console.log(`\n▶ mutation: ${name}`);
  const run = spawnSync(
    "npx",
    ["stryker", "run", "stryker.config.mjs", ...(force ? ["--force"] : [])],
    { stdio: "inherit", env: { ...env, MUTATION_MODULE: name } },
  );
  const minutes = ((Date.now() - started) / 60_000).toFixed(1);
  if (run.status !== 0) {
    failed = true;
    lines.push(`${name}: Stryker failed (exit ${run.status}) after ${minutes} min`);
    continue;
  }
  const report = JSON.parse(readFileSync(`reports/mutation/${name}/mutation.json`, "utf8"));
  const files = Object.entries(report.files);
  const all = score(files.flatMap(([, f]) => f.mutants));
  lines.push(
    `${name}: ${pct(all)}% (${all.detected}/${all.total} killed, ${all.ignored} ignored) in ${minutes} min`,
  );
  for (const [file, { mutants }] of files) {
    const s = score(mutants);
    lines.push(`  ${pct(s)}%  ${file} (${s.detected}/${s.total}, ${s.ignored} ignored)`);
  }
}

console.log("\nMutation scores (killed ÷ killed + survived + no coverage):");
for (const line of lines) console.log(line);
console.log("Reports: reports/mutation/<module>/index.html");
process.exit(failed ? 1 : 0);
