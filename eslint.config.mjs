import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";

const dbImport = {
  group: ["@/db", "@/db/*", "**/db", "**/db/*", "!**/lib/dal/**"],
  message: "Only lib/dal/** (and db/, tests, scripts) may import the database. Add a DAL function.",
};

const config = [
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "next-env.d.ts",
      "test-results/**",
      "playwright-report/**",
      ".stryker-tmp/**",
      "reports/**",
    ],
  },
  ...nextVitals,
  ...nextTs,
  {
    plugins: { drizzle },
    rules: {
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read settings through lib/env.ts." },
      ],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_" },
      ],
    },
  },
  {
    // The one door to the database: everything else goes through lib/dal.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [
      "lib/dal/**",
      "db/**",
      "e2e/**",
      "bench/**",
      "scripts/**",
      "db/testing/**",
      "**/*.test.ts",
      "**/*.test.tsx",
      "instrumentation.ts",
    ],
    rules: { "no-restricted-imports": ["error", { patterns: [dbImport] }] },
  },
  {
    // Imports flow one way: lib/dal uses lib/auth (cookies, passwords, policies), never the reverse.
    files: ["lib/auth/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            dbImport,
            {
              regex: "^@/lib/dal(/|$)",
              message: "lib/auth is pure: lib/dal imports it, not the reverse.",
            },
          ],
        },
      ],
    },
  },
  {
    // The catalog describes tables by their drizzle definitions (lib/catalog/table.ts): it may
    // import the schema's declarations, never the database client.
    files: ["lib/catalog/**/*.ts"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { regex: "(^|/)db(/(?!schema$|schema-tables$).*)?$", message: dbImport.message },
          ],
        },
      ],
    },
  },
  {
    // lib/env.ts is the one reader of process.env in the app.
    files: ["lib/env.ts"],
    rules: { "no-restricted-properties": "off" },
  },
  {
    // Scripts, tests and benchmarks are entry points that may read their own environment.
    files: [
      "server.ts",
      "scripts/**",
      "bench/**",
      "e2e/**",
      "db/seed/cli.ts",
      "playwright.config.ts",
      "playwright.multi.config.ts",
      "**/*.test.ts",
      "db/testing/**",
    ],
    rules: { "no-restricted-properties": "off" },
  },
];
export default config;
