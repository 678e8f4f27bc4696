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
const QUOTE = 0x22;

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
