import "server-only";
import { appendFile, mkdir, open } from "node:fs/promises";
import path from "node:path";
import { env } from "@/lib/env";
import { log } from "@/lib/log";

/** The chain head at a moment: the newest row's id and hash. */
export type AuditCheckpoint = { id: number; hash: string; at: string };

/**
 * Where checkpoints are appended: AUDIT_CHECKPOINT_FILE; else, on the embedded database, a file
 * in its data folder; else (PostgreSQL without the setting, or an in-memory database) none — the
 * log line is then the only copy outside the table.
 */
export function defaultCheckpointFile(): string | null {
  if (env.AUDIT_CHECKPOINT_FILE) return path.resolve(env.AUDIT_CHECKPOINT_FILE);
  if (env.DATABASE_URL || env.PGLITE_DATA_DIR.startsWith("memory://")) return null;
  return path.join(path.resolve(env.PGLITE_DATA_DIR), "audit-checkpoints.jsonl");
}

/**
 * Records the chain head outside the audit table: a log line (for a log store the database's
 * administrators cannot rewrite) and, when `file` is set, a JSON line appended to it. The
 * verifier compares the log with the newest line of that file, so rows deleted from the end of
 * the log after a checkpoint are detected. Never throws: a failed checkpoint is logged, and the
 * audit write or verification that asked for it goes on.
 */
export async function writeAuditCheckpoint(
  head: { id: number; hash: string },
  file: string | null,
): Promise<void> {
  const checkpoint: AuditCheckpoint = {
    id: head.id,
    hash: head.hash,
    at: new Date().toISOString(),
  };
  log.info("audit checkpoint", checkpoint);
  if (!file) return;
  try {
    await mkdir(path.dirname(file), { recursive: true });
    await appendFile(file, `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  } catch (error) {
    log.error("audit checkpoint: could not append to the checkpoint file", {
      file,
      error: error instanceof Error ? error.message : String(error),
    });
  }
}

const isCheckpoint = (v: unknown): v is AuditCheckpoint =>
  typeof v === "object" &&
  v !== null &&
  Number.isSafeInteger((v as AuditCheckpoint).id) &&
  typeof (v as AuditCheckpoint).hash === "string" &&
  typeof (v as AuditCheckpoint).at === "string";

/** How much of the file's end is read: many checkpoint lines, whatever the file's size. */
const TAIL_BYTES = 64 * 1024;

/**
 * The newest checkpoint in `file` (its last well-formed line), or null when there is no file or
 * no checkpoint in it yet. Reads only the end of the file.
 */
export async function readLatestCheckpoint(file: string | null): Promise<AuditCheckpoint | null> {
  if (!file) return null;
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  try {
    const { size } = await handle.stat();
    const length = Math.min(size, TAIL_BYTES);
    const buffer = Buffer.alloc(length);
    await handle.read(buffer, 0, length, size - length);
    const lines = buffer.toString("utf8").split("\n").reverse();
    for (const line of lines) {
      try {
        const parsed: unknown = JSON.parse(line);
        if (isCheckpoint(parsed)) return parsed;
      } catch {
        // A partial first line (cut by the tail) or a blank line.
      }
    }
    return null;
  } finally {
    await handle.close();
  }
}
