import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { openDatabase, type DbHandle } from "./client";
import { migrateDatabase } from "./migrate";
import { schemaTables, sqlColumnName } from "./schema-tables";

/** A database nobody has touched: a new PGlite, or a new database on the PostgreSQL server. */
async function freshDatabase(): Promise<{ handle: DbHandle; url?: string; drop(): Promise<void> }> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const handle = openDatabase({ dataDir: "memory://" });
    return { handle, drop: () => handle.close() };
  }
  const name = `pc_migrate_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e6)}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const handle = openDatabase({ url: url.toString(), poolMax: 2 });
  return {
    handle,
    url: url.toString(),
    drop: async () => {
      await handle.close();
      await admin.unsafe(`drop database ${name} with (force)`);
      await admin.end();
    },
  };
}

describe("migrations from scratch", () => {
  it("build exactly the schema the code declares, and apply idempotently", async () => {
    const fresh = await freshDatabase();
    try {
      await migrateDatabase(fresh.handle, fresh.url);
      await migrateDatabase(fresh.handle, fresh.url); // second run: nothing to do, no error

      const rows = await fresh.handle.query<{ table_name: string; column_name: string }>(
        `select table_name, column_name from information_schema.columns
         where table_schema = 'public'`,
      );
      const actual = new Map<string, Set<string>>();
      for (const r of rows) {
        if (!actual.has(r.table_name)) actual.set(r.table_name, new Set());
        actual.get(r.table_name)!.add(r.column_name);
      }
      const declared = schemaTables();
      expect([...actual.keys()].sort()).toEqual(declared.map((t) => t.name).sort());
      for (const table of declared) {
        expect([...actual.get(table.name)!].sort(), table.name).toEqual(
          table.columns.map((c) => sqlColumnName(c.name)).sort(),
        );
      }
      const applied = await fresh.handle.query<{ n: number }>(
        "select count(*)::int as n from drizzle.__drizzle_migrations",
      );
      expect(applied[0]!.n).toBeGreaterThanOrEqual(2);
    } finally {
      await fresh.drop();
    }
  });

  it("make audit_log and consent_events refuse rewriting history", async () => {
    const fresh = await freshDatabase();
    try {
      await migrateDatabase(fresh.handle, fresh.url);
      const q = fresh.handle.query;
      await q(
        `insert into audit_log (actor_role, action, prev_hash, hash) values ('system', 'test', 'a', 'b')`,
      );
      await expect(q(`update audit_log set action = 'forged'`)).rejects.toThrow(/append-only/);
      await expect(q(`delete from audit_log`)).rejects.toThrow(/append-only/);
      // Clearing personal fields is erasure's alone (lib/dal/audit/erase.ts, tamper tests).
      await expect(q(`update audit_log set details = null, actor_id = null`)).rejects.toThrow(
        /append-only/,
      );

      await q(
        `insert into consent_events (scope, policy_version, decisions, method, language)
         values ('cookies', 'v1', '{}', 'reject_all', 'en')`,
      );
      await expect(q(`update consent_events set method = 'accept_all'`)).rejects.toThrow(
        /append-only/,
      );
      await expect(q(`delete from consent_events`)).rejects.toThrow(/append-only/);

      // …but erasing the account takes its consent records with it.
      const [user] = await q<{ id: string }>(
        `insert into users (email, name) values ('gone@example.com', 'Gone') returning id`,
      );
      await q(
        `insert into consent_events (user_id, scope, policy_version, decisions, method, language)
         values ($1, 'marketing', 'v1', '{}', 'preferences', 'en')`,
        [user!.id],
      );
      await q(`delete from users where id = $1`, [user!.id]);
      const left = await q<{ n: number }>(
        `select count(*)::int as n from consent_events where user_id = $1`,
        [user!.id],
      );
      expect(left[0]!.n).toBe(0);
    } finally {
      await fresh.drop();
    }
  });
});
