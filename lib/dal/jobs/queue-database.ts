import "server-only";
import { getDbHandle, type DbHandle } from "@/db";
import { safeDbError } from "@/lib/safe-error";

/** What pg-boss 10 needs of a database (its `db` option): one statement or script, its rows. */
export type QueueDatabase = {
  executeSql(text: string, values?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>;
  /**
   * Runs `work` while holding a lock every instance on this database shares, so instances
   * starting together set pg-boss up one after the other: creating queues (each a partition of
   * pgboss.job) and schedules at the same moment deadlocks otherwise.
   */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
};

// Any constant will do; it only has to be the same for every instance (db/migrate.ts has its own).
const JOB_SETUP_LOCK = 7_245_120;

/**
 * Turns a parameter into what node-postgres would send (pg-boss is written against it): arrays
 * as array literals (`$2::uuid[]`), objects as JSON (job data into jsonb), dates as ISO text,
 * everything else as text the server casts. Neither postgres.js nor PGlite does all of this
 * alone: postgres.js sends a JS array as a typed array of the first element's type, and PGlite
 * picks a serializer from the statement's parameter type, which pg-boss often leaves unknown.
 */
export function toPgParam(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return arrayLiteral(value);
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

function arrayLiteral(values: unknown[]): string {
  const items = values.map((item) => {
    if (item === null || item === undefined) return "NULL";
    if (Array.isArray(item)) return arrayLiteral(item);
    const text = toPgParam(item)!;
    return `"${text.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(",")}}`;
}

/**
 * The app's database handle as pg-boss's `db`, on either engine. pg-boss sends two kinds of SQL:
 * parameterised single statements, and parameterless scripts (its migrations, and `BEGIN; lock;
 * …; COMMIT;` blocks). Scripts go through the simple query protocol — postgres.js does that for
 * `unsafe` without parameters, PGlite through `exec` — and answer with the last statement's rows.
 *
 * On PGlite every query waits for a running transaction to finish (one connection): a job must
 * be enqueued after the transaction that decided it committed, never inside it.
 */
export function queueDatabase(handle: DbHandle): QueueDatabase {
  if (handle.engine === "pglite") {
    const pglite = handle.pglite!;
    return {
      async executeSql(text, values = []) {
        try {
          if (values.length > 0) {
            const result = await pglite.query<Record<string, unknown>>(text, values.map(toPgParam));
            return { rows: result.rows };
          }
          const results = await pglite.exec(text);
          return { rows: (results.at(-1)?.rows ?? []) as Record<string, unknown>[] };
        } catch (error) {
          throw safeDbError(error);
        }
      },
      // One process owns the embedded database: nobody else can be setting it up.
      exclusive: (work) => work(),
    };
  }
  const sql = handle.sql!;
  return {
    async executeSql(text, values = []) {
      try {
        // A parameterless script may hold BEGIN … COMMIT, which postgres.js runs only on a
        // connection reserved for it (never on the pool, where the next query could land inside).
        let result: unknown[];
        if (values.length > 0) {
          result = (await sql.unsafe(text, values.map(toPgParam))) as unknown as unknown[];
        } else {
          const connection = await sql.reserve();
          try {
            result = (await connection.unsafe(text)) as unknown as unknown[];
          } catch (error) {
            // A statement that failed inside the script's BEGIN leaves the transaction open and
            // aborted; back in the pool, that connection would fail every later query (25P02).
            await connection.unsafe("ROLLBACK").catch(() => {});
            throw error;
          } finally {
            connection.release();
          }
        }
        // A script answers with one result per statement; a statement with its rows.
        const rows = Array.isArray(result[0]) ? (result.at(-1) as unknown[]) : result;
        return { rows: [...(rows as Record<string, unknown>[])] };
      } catch (error) {
        throw safeDbError(error);
      }
    },
    async exclusive(work) {
      // A session lock on a connection of its own, held while `work` uses the rest of the pool;
      // released by hand, or by PostgreSQL when the process dies and the connection drops.
      const connection = await sql.reserve();
      try {
        await connection`select pg_advisory_lock(${JOB_SETUP_LOCK})`;
        try {
          return await work();
        } finally {
          await connection`select pg_advisory_unlock(${JOB_SETUP_LOCK})`.catch(() => {});
        }
      } finally {
        connection.release();
      }
    },
  };
}

/** The process's database (opened and migrated on first use) as pg-boss's `db`. */
export async function getQueueDatabase(): Promise<QueueDatabase> {
  return queueDatabase(await getDbHandle());
}
