import { getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Db, DbHandle } from "../client";
import * as schema from "../schema";

/** A COPY destination: "table (column, …)", the columns in the order each line supplies them. */
export type CopyTarget = { sql: string };

/**
 * Column keys are checked against the drizzle table, so a renamed column fails to compile here
 * rather than at seed time.
 */
export function copyTarget<T extends PgTable>(
  table: T,
  keys: readonly (keyof T["$inferInsert"] & string)[],
): CopyTarget {
  // The schema names columns through drizzle's snake_case casing.
  const columns = keys.map((k) => k.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`)).join(", ");
  return { sql: `${getTableName(table)} (${columns})` };
}

const SPECIAL = /[\\\t\n\r]/;

/** One field of COPY's text format. */
export function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "\\N";
  if (typeof value !== "string") return String(value);
  if (!SPECIAL.test(value)) return value;
  return value.replace(/[\\\t\n\r]/g, (ch) =>
    ch === "\\" ? "\\\\" : ch === "\t" ? "\\t" : ch === "\n" ? "\\n" : "\\r",
  );
}

/** One COPY line from plain values (for the smaller tables; hot loops build lines by hand). */
export function line(values: readonly (string | number | boolean | null | undefined)[]): string {
  return values.map(field).join("\t") + "\n";
}

/** The seed's view of the database: one transaction, a query builder, and bulk COPY. */
export type SeedConn = {
  engine: DbHandle["engine"];
  db: Db;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Streams `lines` (each ending in "\n") into the table; `onRows` reports progress. */
  copy(target: CopyTarget, lines: Iterable<string>, onRows?: (n: number) => void): Promise<number>;
};

// PGlite reads a COPY from one in-memory blob; chunks bound the memory a big run needs.
const PGLITE_CHUNK_ROWS = 50_000;
const POSTGRES_CHUNK_BYTES = 256 * 1024;

/**
 * Foreign-key checks are row triggers: each copied row runs a query that finds and locks its
 * parent (FOR KEY SHARE, itself WAL-logged), which roughly halves COPY throughput. The seed
 * makes every reference itself (parents are written first in the same transaction, the seed
 * int test checks each reference), so bulk loads run with triggers off, as pg_restore's
 * --disable-triggers does. Only a superuser may; anyone else simply copies with the checks.
 * No table the seed copies into has a trigger other than its foreign keys.
 */
async function skipTriggers(run: (text: string) => Promise<unknown>): Promise<boolean> {
  try {
    await run("savepoint seed_triggers");
    await run("set local session_replication_role = replica");
    await run("release savepoint seed_triggers");
    return true;
  } catch {
    await run("rollback to savepoint seed_triggers");
    return false;
  }
}

async function* chunked(
  lines: Iterable<string>,
  onRows: ((n: number) => void) | undefined,
): AsyncGenerator<string> {
  let buffer = "";
  let pending = 0;
  for (const l of lines) {
    buffer += l;
    pending++;
    if (buffer.length >= POSTGRES_CHUNK_BYTES) {
      yield buffer;
      onRows?.(pending);
      buffer = "";
      pending = 0;
    }
  }
  if (buffer) {
    yield buffer;
    onRows?.(pending);
  }
}

/**
 * Runs `fn` in one transaction. On PostgreSQL that means one reserved connection for the query
 * builder and the COPY streams alike: a crash leaves nothing half-seeded, and a second app
 * instance seeding at the same moment waits on the demo account's unique email, then skips.
 */
export async function withSeedTransaction<T>(
  handle: DbHandle,
  fn: (conn: SeedConn) => Promise<T>,
): Promise<T> {
  if (handle.engine === "postgres") {
    if (!handle.sql) throw new Error("seed: the postgres engine has no client");
    const reserved = await handle.sql.reserve();
    // drizzle reads the client's type parsers from `options`, which a reserved connection
    // lacks; the pool's are the same object drizzle already configured in openDatabase.
    const client = Object.assign(reserved, { options: handle.sql.options });
    const run = (text: string) => reserved.unsafe(text);
    try {
      await run("begin");
      const fast = await skipTriggers(run);
      const conn: SeedConn = {
        engine: "postgres",
        db: drizzle({ client, schema, casing: "snake_case" }),
        query: async (text, params = []) =>
          (await reserved.unsafe(text, params as never[])) as unknown as never,
        copy: async (target, lines, onRows) => {
          let rows = 0;
          const count = (n: number) => {
            rows += n;
            onRows?.(n);
          };
          if (fast) await run("set local session_replication_role = replica");
          const writable = await reserved.unsafe(`copy ${target.sql} from stdin`).writable();
          await pipeline(Readable.from(chunked(lines, count)), writable);
          if (fast) await run("set local session_replication_role = origin");
          return rows;
        },
      };
      if (fast) await run("set local session_replication_role = origin");
      const result = await fn(conn);
      await run("commit");
      return result;
    } catch (error) {
      await run("rollback").catch(() => {});
      throw error;
    } finally {
      reserved.release();
    }
  }

  const pglite = handle.pglite;
  if (!pglite) throw new Error("seed: the pglite engine has no instance");
  const run = (text: string) => pglite.query(text);
  // PGlite is a single session: statements issued between BEGIN and COMMIT are this transaction.
  await run("begin");
  try {
    const fast = await skipTriggers(run);
    if (fast) await run("set local session_replication_role = origin");
    const conn: SeedConn = {
      engine: "pglite",
      db: handle.db,
      query: handle.query,
      copy: async (target, lines, onRows) => {
        if (fast) await run("set local session_replication_role = replica");
        let batch: string[] = [];
        let rows = 0;
        const flush = async () => {
          if (batch.length === 0) return;
          await pglite.query(`copy ${target.sql} from '/dev/blob'`, [], { blob: new Blob(batch) });
          rows += batch.length;
          onRows?.(batch.length);
          batch = [];
        };
        for (const l of lines) {
          batch.push(l);
          if (batch.length >= PGLITE_CHUNK_ROWS) await flush();
        }
        await flush();
        if (fast) await run("set local session_replication_role = origin");
        return rows;
      },
    };
    const result = await fn(conn);
    await run("commit");
    return result;
  } catch (error) {
    await run("rollback").catch(() => {});
    throw error;
  }
}
