import { createHash } from "node:crypto";

/** Where a row source writes bytes; resolves when there is room for more (backpressure). */
export type ChunkWriter = (chunk: Buffer) => Promise<void>;

export class ExportAborted extends Error {
  constructor(reason = "The download was cancelled.") {
    super(reason);
    this.name = "ExportAborted";
  }
}

// Rows arrive in small pieces (PostgreSQL sends one message per record); handing each to the
// web stream would cost a promise per record. Pieces are gathered to about this size first.
const BATCH_BYTES = 64 * 1024;
const HIGH_WATER_BYTES = 256 * 1024;

/**
 * The response body of an export: a pull-based web stream that the producer fills with
 * `write`, which waits while the client is not reading. Counts bytes and hashes exactly what
 * was handed to the client. Cancelling the stream (the client went away) aborts `signal`.
 */
export class ExportSink {
  readonly stream: ReadableStream<Uint8Array>;
  readonly signal: AbortSignal;
  bytes = 0;
  private readonly hash = createHash("sha256");
  private readonly abortController = new AbortController();
  private controller!: ReadableStreamDefaultController<Uint8Array>;
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private wake: (() => void) | null = null;
  private closed = false;

  constructor() {
    this.signal = this.abortController.signal;
    this.stream = new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
        },
        pull: () => this.release(),
        cancel: (reason) => this.abort(reason),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: HIGH_WATER_BYTES }),
    );
  }

  /** Stops the export: the producer's next write (or its query, via `signal`) throws. */
  abort(reason?: unknown): void {
    if (!this.signal.aborted) this.abortController.abort(reason ?? new ExportAborted());
    this.release();
  }

  readonly write: ChunkWriter = async (chunk) => {
    if (this.signal.aborted) throw new ExportAborted();
    if (chunk.length === 0) return;
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    // The very first bytes go out at once: the download starts before the first batch fills.
    if (this.pendingBytes >= BATCH_BYTES || this.bytes === 0) await this.flush();
  };

  /** Hands what is gathered to the client now (e.g. the first bytes, for a fast start). */
  async flush(): Promise<void> {
    if (this.pendingBytes === 0 || this.closed) return;
    const chunk =
      this.pending.length === 1 ? this.pending[0]! : Buffer.concat(this.pending, this.pendingBytes);
    this.pending = [];
    this.pendingBytes = 0;
    this.hash.update(chunk);
    this.bytes += chunk.length;
    this.controller.enqueue(chunk);
    while ((this.controller.desiredSize ?? 0) <= 0) {
      if (this.signal.aborted) throw new ExportAborted();
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    if (this.signal.aborted) throw new ExportAborted();
  }

  /** The end: flushes and closes. Returns the size and SHA-256 of everything sent. */
  async close(): Promise<{ bytes: number; sha256: string }> {
    await this.flush();
    this.closed = true;
    this.controller.close();
    return { bytes: this.bytes, sha256: this.hash.digest("hex") };
  }

  /** Ends the body with an error: the client sees a broken download, not a complete file. */
  fail(error: unknown): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.controller.error(error);
    } catch {
      // already cancelled by the client
    }
    this.abort(error);
  }

  private release(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
