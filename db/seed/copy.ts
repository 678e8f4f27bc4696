import { getTableName } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { drizzle } from "drizzle-orm/postgres-js";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type postgres from "postgres";
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

export type CopyJob = { target: CopyTarget; lines: Iterable<string> };

/** The seed's view of the database: one transaction, a query builder, and bulk COPY. */
export type SeedConn = {
  engine: DbHandle["engine"];
  db: Db;
  query<T extends Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  /** Streams `lines` (each ending in "\n") into the table; `onRows` reports progress. */
  copy(target: CopyTarget, lines: Iterable<string>, onRows?: (n: number) => void): Promise<number>;
  /**
   * Runs lanes of COPYs side by side where the engine allows, one after another otherwise;
   * within a lane, in order. Returns the rows written by each job, in the lanes' shape.
   */
  copyLanes(lanes: CopyJob[][], onRows?: (n: number) => void): Promise<number[][]>;
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

async function sequentialLanes(
  copy: SeedConn["copy"],
  lanes: CopyJob[][],
  onRows?: (n: number) => void,
): Promise<number[][]> {
  const out: number[][] = [];
  for (const lane of lanes) {
    const rows: number[] = [];
    for (const job of lane) rows.push(await copy(job.target, job.lines, onRows));
    out.push(rows);
  }
  return out;
}

/**
 * Runs `fn` in one transaction: a crash leaves nothing half-seeded, and a second app instance
 * seeding at the same moment waits on the demo account's unique email, then skips.
 */
export async function withSeedTransaction<T>(
  handle: DbHandle,
  fn: (conn: SeedConn) => Promise<T>,
): Promise<T> {
  return handle.engine === "postgres"
    ? postgresTransaction(handle, fn)
    : pgliteTransaction(handle, fn);
}

type Reserved = postgres.ReservedSql;

/** A COPY on one connection, with triggers off for its duration when allowed. */
async function copyOn(
  sql: Reserved,
  fast: boolean,
  target: CopyTarget,
  lines: Iterable<string>,
  onRows?: (n: number) => void,
): Promise<number> {
  let rows = 0;
  const count = (n: number) => {
    rows += n;
    onRows?.(n);
  };
  if (fast) await sql.unsafe("set local session_replication_role = replica");
  const writable = await sql.unsafe(`copy ${target.sql} from stdin`).writable();
  await pipeline(Readable.from(chunked(lines, count)), writable);
  if (fast) await sql.unsafe("set local session_replication_role = origin");
  return rows;
}

/**
 * PostgreSQL: one reserved connection carries the query builder and the COPY streams. Extra
 * lanes get their own connection and transaction, which is only possible with triggers off
 * (their rows point at rows the main transaction has not committed); they commit right after
 * the main one, so a failure anywhere before that leaves nothing behind.
 */
async function postgresTransaction<T>(handle: DbHandle, fn: (conn: SeedConn) => Promise<T>) {
  const pool = handle.sql;
  if (!pool) throw new Error("seed: the postgres engine has no client");
  const main = await pool.reserve();
  // drizzle reads the client's type parsers from `options`, which a reserved connection
  // lacks; the pool's are the same object drizzle already configured in openDatabase.
  const client = Object.assign(main, { options: pool.options });
  const sides: Reserved[] = [];
  try {
    await main.unsafe("begin");
    const fast = await skipTriggers((text) => main.unsafe(text));
    if (fast) await main.unsafe("set local session_replication_role = origin");
    const copy: SeedConn["copy"] = (target, lines, onRows) =>
      copyOn(main, fast, target, lines, onRows);
    const conn: SeedConn = {
      engine: "postgres",
      db: drizzle({ client, schema, casing: "snake_case" }),
      query: async (text, params = []) =>
        (await main.unsafe(text, params as never[])) as unknown as never,
      copy,
      copyLanes: async (lanes, onRows) => {
        if (!fast || lanes.length < 2) return sequentialLanes(copy, lanes, onRows);
        while (sides.length < lanes.length - 1) {
          const side = await pool.reserve();
          sides.push(side);
          await side.unsafe("begin");
        }
        return Promise.all(
          lanes.map(async (lane, i) => {
            const sql = i === 0 ? main : (sides[i - 1] as Reserved);
            const rows: number[] = [];
            for (const job of lane) {
              rows.push(await copyOn(sql, true, job.target, job.lines, onRows));
            }
            return rows;
          }),
        );
      },
    };
    const result = await fn(conn);
    await main.unsafe("commit");
    for (const side of sides) await side.unsafe("commit");
    return result;
  } catch (error) {
    for (const sql of [main, ...sides]) await sql.unsafe("rollback").catch(() => {});
    throw error;
  } finally {
    for (const sql of [main, ...sides]) sql.release();
  }
}

/** PGlite is a single session: statements between BEGIN and COMMIT are this transaction. */
async function pgliteTransaction<T>(handle: DbHandle, fn: (conn: SeedConn) => Promise<T>) {
  const pglite = handle.pglite;
  if (!pglite) throw new Error("seed: the pglite engine has no instance");
  const run = (text: string) => pglite.query(text);
  await run("begin");
  try {
    const fast = await skipTriggers(run);
    if (fast) await run("set local session_replication_role = origin");
    const copy: SeedConn["copy"] = async (target, lines, onRows) => {
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
    };
    const conn: SeedConn = {
      engine: "pglite",
      db: handle.db,
      query: handle.query,
      copy,
      copyLanes: (lanes, onRows) => sequentialLanes(copy, lanes, onRows),
    };
    const result = await fn(conn);
    await run("commit");
    return result;
  } catch (error) {
    await run("rollback").catch(() => {});
    throw error;
  }
}
