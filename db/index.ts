import "server-only";
import { env } from "@/lib/env";
import { openDatabase, type Db, type DbHandle } from "./client";
import { migrateDatabase } from "./migrate";

export type { Db, Tx, DbHandle } from "./client";

type Cache = { __privacyCenterDb?: Promise<DbHandle> };
const cache = globalThis as Cache;

/**
 * The process-wide database, opened and migrated on first use (never at build time: nothing
 * calls this while pages are compiled). Cached on globalThis so dev reloads and separate route
 * bundles share one PGlite instance — two instances on one data folder would corrupt it.
 */
export function getDbHandle(): Promise<DbHandle> {
  cache.__privacyCenterDb ??= (async () => {
    const handle = openDatabase({
      url: env.DATABASE_URL,
      dataDir: env.PGLITE_DATA_DIR,
      poolMax: env.DATABASE_POOL_MAX,
    });
    await migrateDatabase(handle, env.DATABASE_URL);
    return handle;
  })().catch((error: unknown) => {
    cache.__privacyCenterDb = undefined;
    throw error;
  });
  return cache.__privacyCenterDb;
}

export async function getDb(): Promise<Db> {
  return (await getDbHandle()).db;
}

/** Closes the database (tests and scripts). */
export async function closeDb(): Promise<void> {
  const pending = cache.__privacyCenterDb;
  cache.__privacyCenterDb = undefined;
  if (pending) await (await pending).close();
}
