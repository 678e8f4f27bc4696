import postgres from "postgres";
import { openDatabase, type DbHandle } from "../client";
import { migrateDatabase } from "../migrate";

/** A database nobody has touched: a new PGlite, or a new database on the PostgreSQL server. */
export async function freshDatabase(): Promise<{ handle: DbHandle; close(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = openDatabase({ dataDir: "memory://" });
    await migrateDatabase(handle);
    return { handle, close: () => handle.close() };
  }
  const name = `pc_seed_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolMax: 2 });
  await migrateDatabase(handle, url.toString());
  return {
    handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}
