/**
 * CSV as RFC 4180 describes it: CRLF between records, fields with a comma, quote, CR or LF in
 * double quotes, quotes doubled. A null is an empty unquoted field and an empty string `""`, as
 * PostgreSQL's COPY writes them, so both export paths produce the same bytes.
 */

const FORMULA_START = new Set(["=", "+", "-", "@", "\t", "\r"]);

/** A text cell a spreadsheet would evaluate as a formula gets a leading single quote. */
export function escapeFormula(value: string): string {
  return value.length > 0 && FORMULA_START.has(value[0]!) ? `'${value}` : value;
}

export function quoteCell(value: string | null): string {
  if (value === null) return "";
  if (value === "" || /[",\r\n]/.test(value)) return `"${value.replaceAll('"', '""')}"`;
  return value;
}

/**
 * One record and its CRLF. `escape[i]` says whether column i is text that needs formula
 * escaping (numbers, times and ids never do).
 */
export function csvLine(cells: readonly (string | null)[], escape?: readonly boolean[]): string {
  return (
    cells
      .map((cell, i) => quoteCell(cell !== null && escape?.[i] ? escapeFormula(cell) : cell))
      .join(",") + "\r\n"
  );
}

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const COMMA = 0x2c;
const BATCH_BYTES = 256 * 1024;

/**
 * Gathers COPY … TO STDOUT records into large buffers, rewriting each record's end on the way,
 * with no scan of the bytes. PostgreSQL sends every record of a COPY TO as exactly one CopyData
 * message (protocol "Copy-out mode": "always one per row"), so the LF a message ends with is the
 * record's end and any other LF is inside a quoted field.
 *
 * - "crlf": CSV records; the final LF becomes CRLF (RFC 4180).
 * - "json": `json || ','` records, one per line ("{…},\n"); the last record's comma is dropped.
 *
 * `add` copies the record (the caller's buffer may be reused) and returns a full batch when the
 * record did not fit; `end` returns the rest. The last record always stays in the open batch until
 * `end`, which is what lets "json" take its comma back.
 */
export class CopyRowBatcher {
  records = 0;
  private batch: Buffer;
  private used = 0;

  constructor(
    private readonly mode: "crlf" | "json",
    private readonly batchBytes = BATCH_BYTES,
  ) {
    this.batch = Buffer.allocUnsafe(batchBytes);
  }

  add(row: Buffer): Buffer | null {
    const n = row.length;
    if (n === 0 || row[n - 1] !== LF) {
      throw new Error("export: a COPY record did not end with a line feed");
    }
    const size = this.mode === "crlf" ? n + 1 : n;
    let full: Buffer | null = null;
    if (this.used + size > this.batch.length) {
      full = this.used > 0 ? this.batch.subarray(0, this.used) : null;
      this.batch = Buffer.allocUnsafe(Math.max(this.batchBytes, size));
      this.used = 0;
    }
    if (this.mode === "crlf") {
      this.used += row.copy(this.batch, this.used, 0, n - 1);
      this.batch[this.used++] = CR;
      this.batch[this.used++] = LF;
    } else {
      this.used += row.copy(this.batch, this.used);
    }
    this.records += 1;
    return full;
  }

  /**
   * Adds records that arrived already joined (whole records only): CSV ends are found with
   * the quote-aware scan, JSON lines at each LF (PostgreSQL's JSON has no raw line break).
   * Returns the batches that filled up.
   */
  addJoined(chunk: Buffer): Buffer[] {
    const full: Buffer[] = [];
    let inQuote = false;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE && this.mode === "crlf") inQuote = !inQuote;
      else if (b === LF && !inQuote) {
        const batch = this.add(chunk.subarray(start, i + 1));
        if (batch) full.push(batch);
        start = i + 1;
      }
    }
    if (start !== chunk.length) {
      throw new Error("export: COPY output ended in the middle of a record");
    }
    return full;
  }

  end(): Buffer | null {
    if (this.used === 0) return null;
    let used = this.used;
    if (this.mode === "json" && used >= 2 && this.batch[used - 2] === COMMA) {
      this.batch[used - 2] = LF;
      used -= 1;
    }
    const rest = this.batch.subarray(0, used);
    this.batch = Buffer.alloc(0);
    this.used = 0;
    return rest;
  }
}

/**
 * Turns PostgreSQL's COPY CSV output (LF after each record) into CRLF, leaving line breaks
 * inside quoted fields untouched. Counts records as it goes. Works across chunk boundaries.
 */
export class CopyCsvToCrlf {
  records = 0;
  private inQuote = false;

  // Two plain byte loops beat indexOf hopping here: JSON cells are full of quotes.
  transform(chunk: Buffer): Buffer[] {
    let inQuote = this.inQuote;
    let ends = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuote = !inQuote;
      else if (b === LF && !inQuote) ends++;
    }
    if (ends === 0) {
      this.inQuote = inQuote;
      return [chunk];
    }
    const out = Buffer.allocUnsafe(chunk.length + ends);
    inQuote = this.inQuote;
    let o = 0;
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i];
      if (b === QUOTE) inQuote = !inQuote;
      else if (b === LF && !inQuote) {
        // A record ends here: the LF becomes CRLF.
        o += chunk.copy(out, o, start, i);
        out[o++] = 0x0d;
        out[o++] = LF;
        start = i + 1;
      }
    }
    o += chunk.copy(out, o, start, chunk.length);
    this.inQuote = inQuote;
    this.records += ends;
    return [out];
  }
}

/**
 * COPY of `json || ','` lines gives "{…},\n" per record; a JSON array needs the last comma
 * gone. Holds back the final two bytes until the next chunk or the end shows whether they are
 * the last record's. Counts records (one per line).
 */
export class JsonLinesJoiner {
  records = 0;
  private held: Buffer | null = null;

  push(chunk: Buffer): Buffer[] {
    for (let i = chunk.indexOf(LF); i >= 0; i = chunk.indexOf(LF, i + 1)) this.records += 1;
    const joined = this.held ? Buffer.concat([this.held, chunk]) : chunk;
    if (joined.length <= 2) {
      this.held = joined;
      return [];
    }
    this.held = Buffer.from(joined.subarray(joined.length - 2));
    return [joined.subarray(0, joined.length - 2)];
  }

  /** The end of the rows: ",\n" becomes "\n". */
  end(): Buffer[] {
    const held = this.held;
    this.held = null;
    if (!held || held.length === 0) return [];
    return [held.toString() === ",\n" ? Buffer.from("\n") : held];
  }
}
