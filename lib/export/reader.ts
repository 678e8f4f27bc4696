import type { ChunkWriter } from "./sink";
import type { ExportScope } from "./sql";
import type { ExportTable } from "./tables";

/** Reads one table's rows inside the export's snapshot and writes them; returns the count. */
export type SnapshotReader = {
  engine: "postgres" | "pglite";
  /** The snapshot's time (start of the transaction), ISO 8601 UTC. */
  takenAt: string;
  /** Records as JSON objects separated by ",\n", ending with "\n" when there is any. */
  json(
    t: ExportTable,
    scope: ExportScope,
    timeSeries: boolean,
    write: ChunkWriter,
  ): Promise<number>;
  /** Records as CSV lines (CRLF), without the header. */
  csv(t: ExportTable, scope: ExportScope, timeSeries: boolean, write: ChunkWriter): Promise<number>;
};
