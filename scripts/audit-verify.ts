// CLI: `npm run audit:verify`. Exit 0 when the audit chain is intact, 1 when it is broken (every
// broken row is listed with the reason). Reads the same settings as the app through the env
// schema, including the audit key and the checkpoint file, and appends a checkpoint of the head
// when the chain is intact. On the embedded database, stop the app first: two PGlite instances on
// one data folder corrupt it.
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { verifyAuditChain } from "../lib/dal/audit/verify";
import { parseEnv } from "../lib/env-schema";

const env = parseEnv(process.env);
const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, poolMax: 1 });
try {
  await migrateDatabase(handle, env.DATABASE_URL);
  const result = await verifyAuditChain(handle.db);
  if (result.legacy) {
    const { rows, firstId, lastId } = result.legacy;
    console.log(
      `Legacy segment: ${rows} rows (${firstId}–${lastId}) written before the keyed chain; their personal fields are not covered.`,
    );
  }
  console.log(
    result.checkpoint
      ? `Compared with the checkpoint of ${result.checkpoint.at} (row ${result.checkpoint.id}).`
      : "No checkpoint to compare with yet.",
  );
  if (result.ok) {
    console.log(`Audit log intact: ${result.checked} rows checked.`);
    console.log(`Last hash: ${result.lastHash}`);
  } else {
    const count = result.breaks.length + result.moreBreaks;
    console.error(`Audit log BROKEN: ${count} problem(s) in ${result.checked} rows.`);
    for (const b of result.breaks) {
      console.error(`Audit log BROKEN at row ${b.id}: ${b.reason} — ${b.message}`);
    }
    if (result.moreBreaks > 0) console.error(`…and ${result.moreBreaks} more.`);
    process.exitCode = 1;
  }
} finally {
  await handle.close();
}
