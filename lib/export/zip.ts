import * as archiver from "archiver";
import { once } from "node:events";
import { PassThrough, type Readable } from "node:stream";
import type { ChunkWriter } from "./sink";

// archiver 8 exports classes; its type package still describes version 7's factory.
type ZipStream = Readable & {
  append(source: Readable | Buffer | string, data: { name: string; date?: Date }): void;
  finalize(): Promise<void>;
  abort(): void;
};

export type ZipWriter = {
  /** Writes one file through `fill`, which gets a writer with backpressure; returns its result. */
  file<T>(name: string, fill: (write: ChunkWriter) => Promise<T>): Promise<T>;
  /** A small file given whole. */
  put(name: string, content: string | Buffer): void;
};

/**
 * A ZIP (stored, not compressed: the export is bound by speed, and its text compresses well
 * later if the user wants) streamed into `write` while `build` adds its files; no file is held
 * whole in memory. Aborting `signal` aborts the archive.
 */
export async function streamZip<T>(
  write: ChunkWriter,
  signal: AbortSignal,
  date: Date,
  build: (zip: ZipWriter) => Promise<T>,
): Promise<T> {
  const archive = new (
    archiver as unknown as { ZipArchive: new (o: { store: boolean }) => ZipStream }
  ).ZipArchive({ store: true });
  const pump = (async () => {
    for await (const chunk of archive) await write(chunk as Buffer);
  })();
  pump.catch(() => {}); // awaited below; this only keeps an early failure from going unhandled
  const onAbort = () => archive.abort();
  signal.addEventListener("abort", onAbort, { once: true });
  const zip: ZipWriter = {
    async file(name, fill) {
      const entry = new PassThrough({ highWaterMark: 64 * 1024 });
      archive.append(entry, { name, date });
      const writeEntry: ChunkWriter = async (chunk) => {
        if (!entry.write(chunk)) await Promise.race([once(entry, "drain", { signal }), pump]);
      };
      const result = await fill(writeEntry);
      entry.end();
      return result;
    },
    put(name, content) {
      archive.append(content, { name, date });
    },
  };
  try {
    const result = await build(zip);
    await Promise.all([archive.finalize(), pump]);
    return result;
  } catch (error) {
    archive.abort();
    await pump.catch(() => {});
    throw error;
  } finally {
    signal.removeEventListener("abort", onAbort);
  }
}
