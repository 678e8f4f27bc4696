import { PGlite } from "@electric-sql/pglite";
import { PgPreparedQuery } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import { mkdirSync } from "node:fs";
import postgres from "postgres";
import { safeDbError } from "@/lib/safe-error";
import * as schema from "./schema";

// Every statement drizzle runs, on either engine, goes through PgPreparedQuery.queryWithCache,
// which wraps a failure in an error holding the SQL text and its parameters (user ids, emails,
// values from a URL) — printed whole by Next.js or any logger. Rethrow it as SafeDbError: the
// SQLSTATE code and the server's message without values (lib/safe-error.ts). Patched once per
// process; drizzle marks the method internal, hence the cast.
const prepared = PgPreparedQuery.prototype as unknown as {
  queryWithCache(...args: unknown[]): Promise<unknown>;
  pcSafeErrors?: true;
};
if (!prepared.pcSafeErrors) {
  const queryWithCache = prepared.queryWithCache;
  prepared.queryWithCache = async function (this: unknown, ...args: unknown[]) {
    try {
      return await queryWithCache.apply(this, args);
    } catch (error) {
      throw safeDbError(error);
    }
  };
  prepared.pcSafeErrors = true;
}

/**
 * The app's database, whichever engine is behind it. Both drivers expose the same query
 * builder; the PGlite one is typed as the postgres.js one so the rest of the code sees one type.
 */
export type Db = PostgresJsDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export type DbHandle = {
  db: Db;
  engine: "postgres" | "pglite";
  /** Rows of a raw SQL query, the same shape on both engines. */
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** The postgres.js client (only for the postgres engine): COPY streams, reserved connections. */
  sql?: postgres.Sql;
  pglite?: PGlite;
};

export type OpenOptions = { url?: string; dataDir?: string; poolMax?: number };

export function openDatabase(opts: OpenOptions): DbHandle {
  if (opts.url) {
    const sql = postgres(opts.url, {
      max: opts.poolMax ?? 10,
      onnotice: () => {},
      connection: { application_name: "privacy-center" },
    });
    const db = drizzlePostgres({ client: sql, schema, casing: "snake_case" });
    return {
      db,
      engine: "postgres",
      sql,
      query: async (text, params = []) => {
        try {
          return (await sql.unsafe(text, params as postgres.ParameterOrJSON<never>[])) as never;
        } catch (error) {
          throw safeDbError(error);
        }
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const dataDir = opts.dataDir ?? "memory://";
  if (!dataDir.startsWith("memory://")) mkdirSync(dataDir, { recursive: true });
  const pglite = new PGlite(dataDir);
  const db = drizzlePglite({ client: pglite, schema, casing: "snake_case" }) as unknown as Db;
  return {
    db,
    engine: "pglite",
    pglite,
    query: async (text, params = []) => {
      try {
        return (await pglite.query(text, params)).rows as never;
      } catch (error) {
        throw safeDbError(error);
      }
    },
    close: () => pglite.close(),
  };
}
