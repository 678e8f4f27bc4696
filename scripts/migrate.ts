// CLI: `npm run db:migrate`. Reads the same settings as the app through the env schema.
import { openDatabase } from "../db/client";
import { migrateDatabase } from "../db/migrate";
import { parseEnv } from "../lib/env-schema";

const env = parseEnv(process.env);
const handle = openDatabase({ url: env.DATABASE_URL, dataDir: env.PGLITE_DATA_DIR, poolMax: 1 });
try {
  await migrateDatabase(handle, env.DATABASE_URL);
  console.log(`Migrations applied to ${env.DATABASE_URL ? "PostgreSQL" : env.PGLITE_DATA_DIR}.`);
} finally {
  await handle.close();
}
