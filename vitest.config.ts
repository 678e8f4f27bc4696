import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const resolve = {
  alias: {
    "@": root,
    // The marker package throws outside React Server Components; tests are server code.
    "server-only": path.join(root, "db/testing/server-only-stub.ts"),
  },
};
const exclude = ["node_modules/**", ".next/**", "e2e/**", ".data/**", ".stryker-tmp/**"];

// Integration tests run on PGlite always, and on PostgreSQL too when DATABASE_URL is set.
// eslint-disable-next-line no-restricted-properties -- test configuration, not app code
const postgresUrl = process.env.DATABASE_URL;

export default defineConfig({
  test: {
    reporters: ["default"],
    projects: [
      {
        resolve,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: [...exclude, "**/*.int.test.ts"],
          environment: "node",
        },
      },
      {
        resolve,
        test: {
          name: "int-pglite",
          include: ["**/*.int.test.ts"],
          exclude,
          env: { DATABASE_URL: "", PGLITE_DATA_DIR: "memory://", NODE_ENV: "test" as const },
          setupFiles: ["db/testing/int-setup.ts"],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      ...(postgresUrl
        ? [
            {
              resolve,
              test: {
                name: "int-postgres",
                include: ["**/*.int.test.ts"],
                exclude,
                env: { NODE_ENV: "test" as const, PGLITE_DATA_DIR: "memory://" },
                globalSetup: ["db/testing/postgres-global-setup.ts"],
                setupFiles: ["db/testing/int-setup.ts"],
                testTimeout: 60_000,
                hookTimeout: 60_000,
              },
            },
          ]
        : []),
    ],
  },
});
