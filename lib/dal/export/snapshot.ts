import "server-only";
import { sql as raw } from "drizzle-orm";
import type postgres from "postgres";
import { getDbHandle, type Tx } from "@/db";
import { CopyRowBatcher, csvLine } from "@/lib/export/csv";
import { ExportAborted } from "@/lib/export/sink";
import type { SnapshotReader } from "@/lib/export/reader";
import { csvRowsSql, jsonRowsSql } from "@/lib/export/sql";

const CURSOR_BATCH = 2_000;

/**
 * Runs `fn` inside ONE read-only REPEATABLE READ transaction, so every table it reads comes from
 * the same snapshot while the user's printers keep writing. On PostgreSQL rows are streamed with
 * COPY … TO STDOUT (PostgreSQL's fastest way out, and it pauses when the client does); on PGlite,
 * which has no COPY stream, with a cursor fetched in batches. Either way memory holds a batch,
 * never a table. When `signal` aborts, the running query is cancelled and the transaction rolls
 * back, returning the connection.
 */
export async function withExportSnapshot<T>(
  signal: AbortSignal,
  fn: (reader: SnapshotReader) => Promise<T>,
): Promise<T> {
  const handle = await getDbHandle();
  if (handle.engine === "postgres" && handle.sql) {
    return handle.sql.begin("isolation level repeatable read read only", async (tx) => {
      const [first] = await tx<
        { at: string }[]
      >`select to_char(transaction_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`;
      return fn(postgresReader(tx, first!.at, signal));
    }) as Promise<T>;
  }
  return handle.db.transaction(
    async (tx) => {
      const [first] = await rowsOf<{ at: string }>(
        tx,
        `select to_char(transaction_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
      );
      return fn(cursorReader(tx, first!.at, signal));
    },
    { isolationLevel: "repeatable read", accessMode: "read only" },
  );
}

/**
 * Streams one COPY … TO STDOUT through `batcher` to `write`; returns the number of records.
 *
 * postgres.js pushes each CopyData message (one record, a few hundred bytes) into the stream
 * separately. Scanning every byte in JavaScript to find where records end cost about a third
 * of the export's time; instead the stream's push is wrapped so that each message goes straight
 * into the batcher, which knows the message's last byte ends the record, and the stream (and
 * everything after it: the hash, the web stream, the socket) only ever sees large batches.
 * Backpressure is kept: a full batch is pushed and push's answer goes back to postgres.js,
 * which pauses its socket on false.
 */
async function copyOut(
  tx: postgres.TransactionSql,
  select: string,
  options: string,
  signal: AbortSignal,
  batcher: CopyRowBatcher,
  write: (chunk: Buffer) => Promise<void>,
): Promise<number> {
  if (signal.aborted) throw new ExportAborted();
  const query = tx.unsafe(`copy (${select}) to stdout with (${options})`);
  const stream = (await query.readable()) as unknown as NodeJS.ReadableStream & {
    iterator(o: { destroyOnReturn: boolean }): AsyncIterableIterator<Buffer>;
    read(): Buffer | null;
    push(chunk: Buffer | null): boolean;
    destroy(error?: Error): void;
  };
  // From here on each message postgres.js pushes goes into the batcher; a message is always
  // one whole record. The stream is handed over only after CopyOutResponse, so the records in
  // the same network packet are already in its buffer, joined: they are taken out below.
  const push = stream.push.bind(stream);
  stream.push = (chunk) => {
    if (chunk === null) return push(null);
    try {
      const full = batcher.add(chunk);
      return full ? push(full) : true;
    } catch (error) {
      stream.destroy(error as Error);
      return false;
    }
  };
  // Until the COPY has ended, postgres.js refuses any other statement on the connection
  // (ROLLBACK included), and it resumes its paused socket only when the stream is read. So on
  // abort or error: ask the server to cancel, read and drop whatever still arrives, and wait
  // for the stream to finish before the transaction may roll back.
  const finished = new Promise<void>((resolve) => {
    stream.on("end", resolve);
    stream.on("close", resolve);
    stream.on("error", () => resolve());
  });
  let stopped = false;
  const stop = () => {
    if (stopped) return;
    stopped = true;
    void Promise.resolve(query.cancel()).catch(() => {});
    const drain = () => {
      while (stream.read() !== null);
    };
    stream.on("readable", drain);
    drain();
  };
  signal.addEventListener("abort", stop, { once: true });
  try {
    const early = stream.read() as Buffer | null;
    if (early) for (const batch of batcher.addJoined(early)) await write(batch);
    for await (const chunk of stream.iterator({ destroyOnReturn: false })) {
      await write(chunk);
      if (signal.aborted) throw new ExportAborted();
    }
    // The open batch holds the last record (for JSON, without its comma now).
    const rest = batcher.end();
    if (rest) await write(rest);
    return batcher.records;
  } catch (error) {
    stop();
    await finished;
    throw signal.aborted ? new ExportAborted() : error;
  } finally {
    signal.removeEventListener("abort", stop);
    // postgres.js pauses the socket when the stream's buffer is full, and resumes it from the
    // stream's _read. If the COPY's last message came in the same packet as the pause, the
    // stream ends with the socket still paused and the next statement never gets its answer.
    // _read only resumes the socket, so calling it once more is harmless and unsticks that.
    (stream as unknown as { _read(): void })._read();
  }
}

function postgresReader(
  tx: postgres.TransactionSql,
  takenAt: string,
  signal: AbortSignal,
): SnapshotReader {
  return {
    engine: "postgres",
    takenAt,
    json(t, scope, timeSeries, write) {
      // Each record is one line of text: a CSV "field" whose quote and delimiter never occur
      // in PostgreSQL's JSON output (it escapes every control character), so COPY adds nothing.
      return copyOut(
        tx,
        jsonRowsSql(t, scope, timeSeries, ","),
        "format csv, quote e'\\x01', delimiter e'\\x02'",
        signal,
        new CopyRowBatcher("json"),
        write,
      );
    },
    csv(t, scope, timeSeries, write) {
      return copyOut(
        tx,
        csvRowsSql(t, scope, timeSeries, true),
        "format csv",
        signal,
        new CopyRowBatcher("crlf"),
        write,
      );
    },
  };
}

async function rowsOf<T>(tx: Tx, text: string): Promise<T[]> {
  const result = (await tx.execute(raw.raw(text))) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

async function eachBatch<T>(
  tx: Tx,
  select: string,
  signal: AbortSignal,
  fn: (rows: T[]) => Promise<void>,
) {
  await tx.execute(raw.raw(`declare export_rows no scroll cursor for ${select}`));
  try {
    for (;;) {
      if (signal.aborted) throw new ExportAborted();
      const rows = await rowsOf<T>(tx, `fetch ${CURSOR_BATCH} from export_rows`);
      if (rows.length > 0) await fn(rows);
      if (rows.length < CURSOR_BATCH) break;
    }
  } finally {
    if (!signal.aborted) await tx.execute(raw.raw("close export_rows"));
  }
}

function cursorReader(tx: Tx, takenAt: string, signal: AbortSignal): SnapshotReader {
  return {
    engine: "pglite",
    takenAt,
    async json(t, scope, timeSeries, write) {
      let n = 0;
      await eachBatch<{ j: string }>(
        tx,
        jsonRowsSql(t, scope, timeSeries),
        signal,
        async (rows) => {
          const text = rows.map((r) => r.j).join(",\n");
          await write(Buffer.from(n === 0 ? text : `,\n${text}`));
          n += rows.length;
        },
      );
      if (n > 0) await write(Buffer.from("\n"));
      return n;
    },
    async csv(t, scope, timeSeries, write) {
      let n = 0;
      const escape = t.columns.map((c) => ["text", "json", "text[]", "inet"].includes(c.type));
      await eachBatch<Record<string, string | null>>(
        tx,
        csvRowsSql(t, scope, timeSeries, false),
        signal,
        async (rows) => {
          await write(Buffer.from(rows.map((r) => csvLine(Object.values(r), escape)).join("")));
          n += rows.length;
        },
      );
      return n;
    },
  };
}
