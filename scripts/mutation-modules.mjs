// The modules `npm run test:mutation` mutates, each with the tests that check it.

/**
 * The modules under test: the files to mutate (Stryker globs, `file:from-to` for a line range)
 * and the test files that check them (unit and PGlite integration tests; nothing else runs).
 */
export const modules = {
  consent: {
    mutate: ["lib/consent/decisions.ts", "lib/dal/consent.ts"],
    tests: [
      "lib/consent/decisions.test.ts",
      "lib/dal/consent.int.test.ts",
      "lib/dal/consent-choices.int.test.ts",
    ],
  },
  keyset: {
    mutate: ["lib/dal/data/keyset.ts", "lib/cursor.ts"],
    tests: [
      "lib/cursor.test.ts",
      "lib/dal/data/keyset.test.ts",
      "lib/dal/data/keyset.int.test.ts",
      "lib/dal/data/paging.int.test.ts",
    ],
  },
  erasure: {
    mutate: ["lib/catalog/erasure.ts"],
    tests: ["lib/catalog/catalog.test.ts"],
  },
  throttle: {
    mutate: ["lib/auth/throttle-policy.ts", "lib/dal/throttle.ts"],
    tests: [
      "lib/auth/throttle-policy.test.ts",
      "lib/dal/auth.int.test.ts",
      "lib/dal/throttle.int.test.ts",
    ],
  },
  "export-sql": {
    mutate: ["lib/export/sql.ts"],
    tests: [
      "lib/dal/export/sql.int.test.ts",
      "lib/dal/export/export.int.test.ts",
      "lib/dal/export/snapshot.int.test.ts",
    ],
  },
  audit: {
    // The admin page's listing and the query it delegates to: listAuditEvents, in a file of its
    // own (the chain verifier in verify.ts is not part of the listing).
    mutate: ["lib/dal/admin/audit.ts", "lib/dal/audit/list.ts"],
    tests: ["lib/dal/audit/list.int.test.ts", "lib/dal/support/console.int.test.ts"],
  },
};
