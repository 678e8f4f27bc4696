import postgres from "postgres";
// Test helper; lib/audit is part of the data layer (see write.ts).
import { openDatabase, type DbHandle } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export type ScratchDatabase = {
  handle: DbHandle;
  /** Settings that point the CLI (scripts/audit-verify.ts) at this database. */
  env: { DATABASE_URL: string; PGLITE_DATA_DIR: string };
  drop(): Promise<void>;
};

/**
 * A migrated database of its own, for tests that break the audit chain on purpose: the shared
 * test database must keep a valid chain for every other test file. With `baseUrl` (the test
 * run's PostgreSQL database) a new database on that server, dropped afterwards; without it a
 * PGlite in `dataDir` (default in memory).
 */
export async function createScratchDatabase(
  baseUrl: string | undefined,
  opts: { dataDir?: string } = {},
): Promise<ScratchDatabase> {
  if (!baseUrl) {
    const dataDir = opts.dataDir ?? "memory://";
    const handle = openDatabase({ dataDir });
    await migrateDatabase(handle);
    return {
      handle,
      env: { DATABASE_URL: "", PGLITE_DATA_DIR: dataDir },
      drop: () => handle.close(),
    };
  }
  const name = `pc_audit_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(baseUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(baseUrl);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolMax: 4 });
  const drop = async () => {
    await handle.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end({ timeout: 5 });
  };
  try {
    await migrateDatabase(handle, url.toString());
  } catch (error) {
    await drop();
    throw error;
  }
  return { handle, env: { DATABASE_URL: url.toString(), PGLITE_DATA_DIR: "memory://" }, drop };
}

/**
 * Runs `statement` the way an attacker with superuser rights would: with the append-only
 * trigger switched off for the moment.
 */
export async function tamper(handle: DbHandle, statement: string): Promise<void> {
  await handle.query("alter table audit_log disable trigger audit_log_append_only");
  try {
    await handle.query(statement);
  } finally {
    await handle.query("alter table audit_log enable trigger audit_log_append_only");
  }
}
