import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import {
  CopyCsvToCrlf,
  CopyRowBatcher,
  csvLine,
  escapeFormula,
  JsonLinesJoiner,
  quoteCell,
} from "./csv";

describe("formula escaping", () => {
  it.each(["=SUM(A1)", "+1", "-2+3", "@cmd", "\tx", "\rx"])("prefixes %j with a quote", (v) => {
    expect(escapeFormula(v)).toBe(`'${v}`);
  });
  it.each(["plain", "", "a=b", " =x", "'quoted", "é=1"])("leaves %j alone", (v) => {
    expect(escapeFormula(v)).toBe(v);
  });
});

describe("csv writer", () => {
  it("quotes only what needs quoting, keeps null and empty apart", () => {
    expect(quoteCell(null)).toBe("");
    expect(quoteCell("")).toBe('""');
    expect(quoteCell("a,b")).toBe('"a,b"');
    expect(quoteCell('say "hi"')).toBe('"say ""hi"""');
    expect(quoteCell("two\nlines")).toBe('"two\nlines"');
    expect(quoteCell("plain")).toBe("plain");
  });

  it("escapes formulas only in the columns marked as text, and round-trips through csv-parse", () => {
    const cells = ["=1+1", "-5", 'Zoë, "the" printer\r\nline 2', null, ""];
    const line = csvLine(cells, [true, false, true, true, true]);
    expect(line.endsWith("\r\n")).toBe(true);
    const [record] = parse(line, { relax_column_count: false }) as string[][];
    expect(record).toEqual(["'=1+1", "-5", 'Zoë, "the" printer\r\nline 2', "", ""]);
  });
});

describe("COPY csv to CRLF", () => {
  const copy = 'a,b\n"x\ny","say ""hi"""\n3,"=4"\n';

  it("ends records with CRLF and keeps line breaks inside quotes", () => {
    const t = new CopyCsvToCrlf();
    const out = Buffer.concat(t.transform(Buffer.from(copy))).toString();
    expect(out).toBe('a,b\r\n"x\ny","say ""hi"""\r\n3,"=4"\r\n');
    expect(t.records).toBe(3);
  });

  it("gives the same bytes whatever the chunk boundaries", () => {
    const whole = Buffer.from(copy);
    for (let size = 1; size <= whole.length; size++) {
      const t = new CopyCsvToCrlf();
      const parts: Buffer[] = [];
      for (let i = 0; i < whole.length; i += size)
        parts.push(...t.transform(whole.subarray(i, i + size)));
      expect(Buffer.concat(parts).toString(), `chunk size ${size}`).toBe(
        'a,b\r\n"x\ny","say ""hi"""\r\n3,"=4"\r\n',
      );
      expect(t.records).toBe(3);
    }
  });
});

describe("JSON lines joiner", () => {
  const run = (input: string, size: number) => {
    const j = new JsonLinesJoiner();
    const parts: Buffer[] = [];
    const b = Buffer.from(input);
    for (let i = 0; i < b.length; i += size) parts.push(...j.push(b.subarray(i, i + size)));
    parts.push(...j.end());
    return { text: Buffer.concat(parts).toString(), records: j.records };
  };

  it("drops the last record's comma, across any chunking", () => {
    const input = '{"a" : 1},\n{"b" : "x,\\n"},\n';
    for (let size = 1; size <= input.length; size++) {
      const { text, records } = run(input, size);
      expect(JSON.parse(`[${text}]`)).toEqual([{ a: 1 }, { b: "x,\n" }]);
      expect(records).toBe(2);
    }
  });

  it("writes nothing for no records", () => {
    expect(run("", 1)).toEqual({ text: "", records: 0 });
  });
});

describe("COPY record batcher", () => {
  // As postgres.js hands them over: one CopyData message, one record, each ending in LF.
  const csvRecords = ["a,b\n", '"x\ny","say ""hi"""\n', '3,"=4"\n'];
  const csvOut = 'a,b\r\n"x\ny","say ""hi"""\r\n3,"=4"\r\n';
  const jsonRecords = ['{"a" : 1},\n', '{"b" : "x,\\n"},\n'];

  const run = (mode: "crlf" | "json", records: string[], batchBytes: number, joined = 0) => {
    const b = new CopyRowBatcher(mode, batchBytes);
    const parts: Buffer[] = [];
    // The first `joined` records arrive as one buffer (those postgres.js pushed before the hook).
    if (joined) parts.push(...b.addJoined(Buffer.from(records.slice(0, joined).join(""))));
    for (const r of records.slice(joined)) {
      const full = b.add(Buffer.from(r));
      if (full) parts.push(full);
    }
    const rest = b.end();
    if (rest) parts.push(rest);
    return { text: Buffer.concat(parts).toString(), records: b.records, parts: parts.length };
  };

  it("ends CSV records with CRLF, keeping line breaks inside quotes, for any batch size", () => {
    for (let size = 1; size <= 40; size++) {
      for (let joined = 0; joined <= csvRecords.length; joined++) {
        const out = run("crlf", csvRecords, size, joined);
        expect(out.text, `batch ${size}, joined ${joined}`).toBe(csvOut);
        expect(out.records).toBe(3);
      }
    }
  });

  it("gathers small records into few large batches", () => {
    const many = Array.from({ length: 1000 }, (_, i) => `${i},"x"\n`);
    const out = run("crlf", many, 1024);
    expect(out.text).toBe(many.map((r) => r.replace(/\n$/, "\r\n")).join(""));
    expect(out.parts).toBeLessThan(15);
  });

  it("drops the last JSON record's comma, for any batch size", () => {
    for (let size = 1; size <= 30; size++) {
      for (let joined = 0; joined <= jsonRecords.length; joined++) {
        const out = run("json", jsonRecords, size, joined);
        expect(JSON.parse(`[${out.text}]`)).toEqual([{ a: 1 }, { b: "x,\n" }]);
        expect(out.text.endsWith("}\n")).toBe(true);
        expect(out.records).toBe(2);
      }
    }
  });

  it("writes nothing for no records", () => {
    expect(run("json", [], 8)).toEqual({ text: "", records: 0, parts: 0 });
    expect(run("crlf", [], 8)).toEqual({ text: "", records: 0, parts: 0 });
  });

  it("refuses a record that does not end where a record ends", () => {
    expect(() => new CopyRowBatcher("crlf").add(Buffer.from("a,b"))).toThrow(/line feed/);
    expect(() => new CopyRowBatcher("crlf").addJoined(Buffer.from('a\n"b\n'))).toThrow(/middle/);
  });
});
