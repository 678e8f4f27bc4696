// CLI: `npm run audit:verify`. Exit 0 when the audit chain is intact, 1 when it is broken.
// Reads the same settings as the app through the env schema. On the embedded database, stop the
// app first: two PGlite instances on one data folder corrupt it.
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { verifyAuditChain } from "../lib/dal/audit/verify";
import { parseEnv } from "../lib/env-schema";

const env = parseEnv(process.env);
const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, poolMax: 1 });
try {
  await migrateDatabase(handle, env.DATABASE_URL);
  const result = await verifyAuditChain(handle.db);
  if (result.ok) {
    console.log(`Audit log intact: ${result.checked} rows checked.`);
    // Worth keeping elsewhere: a chain truncated or rewritten to the end only shows against it.
    console.log(`Last hash: ${result.lastHash}`);
  } else {
    const { id, reason, expected, found } = result.brokenAt;
    console.error(`Audit log BROKEN at row ${id}: ${reason}`);
    console.error(`  expected ${expected}\n  found    ${found}`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
