// The vitest configuration of a mutation run (stryker.config.mjs): the project's own, with each
// project's test files narrowed to the ones listed for the module under test. (Stryker's own
// `testFiles` option would do this, but in Stryker 9.6.1 it makes static mutants — values set when
// a module loads — activate only after the module has loaded, so every one of them "survives".)
import { BaseSequencer } from "vitest/node";
import baseConfig from "./vitest.config.ts";
import { modules } from "./scripts/mutation-modules.mjs";

// eslint-disable-next-line no-restricted-properties -- tool configuration, not app code
const selected = modules[process.env.MUTATION_MODULE ?? ""];
if (!selected) throw new Error("MUTATION_MODULE names no module of scripts/mutation-modules.mjs");

/**
 * Unit test files before integration ones. Stryker stops a mutant's run at the first failing
 * test, so a mutant the unit tests kill never starts a database; vitest's own order puts the
 * slowest files (the integration ones) first.
 */
class UnitTestsFirst extends BaseSequencer {
  async sort(files) {
    const sorted = await super.sort(files);
    const unit = (f) => f.project.name === "unit";
    return [...sorted.filter(unit), ...sorted.filter((f) => !unit(f))];
  }
}

const config = {
  ...baseConfig,
  test: {
    ...baseConfig.test,
    sequence: { sequencer: UnitTestsFirst },
    // Unit tests and PGlite integration tests (int-postgres would need a server per mutant run).
    projects: baseConfig.test.projects
      .filter((project) => ["unit", "int-pglite"].includes(project.test.name))
      .map((project) => {
        const integration = project.test.name === "int-pglite";
        const include = selected.tests.filter((f) => f.endsWith(".int.test.ts") === integration);
        if (!integration) return { ...project, test: { ...project.test, include } };
        return {
          ...project,
          test: {
            ...project.test,
            include,
            // A busy machine can take minutes to start a database; a mutant's own time limit
            // is Stryker's (timeoutMS), not these.
            testTimeout: 300_000,
            hookTimeout: 300_000,
            // A migrated PGlite folder made once and copied per test file: opening it takes a
            // fraction of creating and migrating a fresh database, which each mutant would repeat.
            globalSetup: ["db/testing/pglite-template-global-setup.ts"],
            setupFiles: ["db/testing/pglite-template-setup.ts", ...project.test.setupFiles],
          },
        };
      })
      .filter((project) => project.test.include.length > 0),
  },
};

export default config;
