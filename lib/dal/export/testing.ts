// Test helpers for the export's integration tests (never imported by the app).
import { eq } from "drizzle-orm";
import yauzl from "yauzl";
import { getDb, getDbHandle } from "@/db";
import { exportHistory, printers } from "@/db/schema";
import type { OpenedExport } from "./index";

export type Opened = Extract<OpenedExport, { ok: true }>;

export function expectOpened(result: OpenedExport): Opened {
  if (!result.ok) throw new Error(`export refused: ${result.status} ${result.message}`);
  return result;
}

export async function readAll(opened: Opened): Promise<Buffer> {
  return Buffer.from(await new Response(opened.body).arrayBuffer());
}

/** Waits until the export's history row leaves 'running' (it is written after the stream). */
export async function settledHistory(id: string, timeoutMs = 10_000) {
  const db = await getDb();
  const until = Date.now() + timeoutMs;
  for (;;) {
    const [row] = await db.select().from(exportHistory).where(eq(exportHistory.id, id));
    if (row && row.status !== "running") return row;
    if (Date.now() > until) throw new Error(`export ${id} still running`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A printer and the given print jobs (names as given) for the user; returns the printer id. */
export async function givePrintJobs(userId: string, names: string[]): Promise<string> {
  const db = await getDb();
  const [printer] = await db
    .insert(printers)
    .values({
      userId,
      name: "Test S5",
      model: "Ultimaker S5",
      serial: `S5-${userId.slice(0, 8)}`,
      firmware: "8.3.0",
    })
    .returning({ id: printers.id });
  const handle = await getDbHandle();
  for (const [i, name] of names.entries()) {
    await handle.query(
      `insert into print_jobs (user_id, printer_id, name, status, created_at, nozzle_temp_c, metadata)
       values ($1, $2, $3, 'finished', now() - ($4 || ' minutes')::interval, -12.5, $5::jsonb)`,
      [userId, printer!.id, name, String(i + 1), JSON.stringify({ note: name })],
    );
  }
  return printer!.id;
}

/** Many print jobs with long names, so an export blocks on a slow reader mid-table. */
export async function giveManyPrintJobs(userId: string, count: number): Promise<void> {
  const handle = await getDbHandle();
  await handle.query(
    `insert into print_jobs (user_id, name, status, created_at)
     select $1, repeat('x', 1000) || g, 'finished', now() - g * interval '1 minute' from generate_series(1, ${count}) g`,
    [userId],
  );
}

/** The entries of a ZIP held in memory, by name. */
export function unzip(buffer: Buffer): Promise<Map<string, Buffer>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, Buffer>();
      zip.on("entry", (entry: yauzl.Entry) => {
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const parts: Buffer[] = [];
          stream.on("data", (c: Buffer) => parts.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(parts));
            zip.readEntry();
          });
        });
      });
      zip.on("end", () => resolve(files));
      zip.on("error", reject);
      zip.readEntry();
    });
  });
}
