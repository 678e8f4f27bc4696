import yauzl from "yauzl";
import { describe, expect, it } from "vitest";
import type { ExportPlan } from "./document";
import { escapeHtml, writeHtmlDocument } from "./html";
import { buildManifest } from "./manifest";
import type { SnapshotReader } from "./reader";
import { exportTables } from "./tables";

const manifest = buildManifest({
  exportId: "6f1c2a34-1d2e-4f5a-9b8c-7d6e5f4a3b2c",
  generatedAt: "2026-03-01T12:00:00.123456Z",
  format: "html",
  appUrl: "https://privacy.example.com",
  subject: {
    id: "0b7e3c1a-2f4d-4e6a-8c9b-1a2b3c4d5e6f",
    email: "zoe@example.com",
    name: "Zoë <b>",
  },
  categories: ["profile", "print-jobs"],
  range: { from: null, to: null },
});

const evil = "<script>alert(1)</script>";

/** A reader that gives print_jobs two records (one named like an attack) and nothing else. */
const reader: SnapshotReader = {
  engine: "pglite",
  takenAt: manifest.generatedAt,
  async json(t, _scope, _ts, write) {
    if (t.table !== "print_jobs") return 0;
    const row = (name: string) =>
      JSON.stringify(
        Object.fromEntries(t.columns.map((c) => [c.name, c.name === "name" ? name : null])),
      );
    // Split mid-record, as the database's chunks are: the writer must join them again.
    const text = `${row(evil)},\n${row('Benchy "quoted" & <b>')}\n`;
    await write(Buffer.from(text.slice(0, 17)));
    await write(Buffer.from(text.slice(17)));
    return 2;
  },
  async csv() {
    return 0;
  },
};

function unzip(buffer: Buffer): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buffer, { lazyEntries: true }, (error, zip) => {
      if (error || !zip) return reject(error);
      const files = new Map<string, string>();
      zip.on("entry", (entry: yauzl.Entry) =>
        zip.openReadStream(entry, (err, stream) => {
          if (err || !stream) return reject(err);
          const parts: Buffer[] = [];
          stream.on("data", (c: Buffer) => parts.push(c));
          stream.on("end", () => {
            files.set(entry.fileName, Buffer.concat(parts).toString("utf8"));
            zip.readEntry();
          });
        }),
      );
      zip.on("end", () => resolve(files));
      zip.readEntry();
    });
  });
}

async function build(locale: "en" | "nl") {
  const plan: ExportPlan = {
    categories: ["profile", "print-jobs"],
    scope: { userId: manifest.subject.id, from: null, to: null },
    manifest,
    locale,
  };
  const parts: Buffer[] = [];
  const counts = await writeHtmlDocument(
    reader,
    plan,
    async (c) => void parts.push(c),
    new AbortController().signal,
  );
  return { counts, files: await unzip(Buffer.concat(parts)) };
}

describe("the HTML copy of an export", () => {
  it("escapes every character HTML gives meaning to", () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });

  it("is a ZIP of index.html and one page per category, with counts", async () => {
    const { counts, files } = await build("en");
    expect([...files.keys()].sort()).toEqual(
      ["index.html", "manifest.json", "print-jobs.html", "profile.html"].sort(),
    );
    expect(counts["print-jobs"]?.print_jobs).toBe(2);
    const index = files.get("index.html")!;
    expect(index).toContain('<html lang="en">');
    expect(index).toContain('<a href="print-jobs.html">');
    expect(index).toContain("(2 records)");
    expect(index).toContain("Zoë &lt;b&gt;");
    // Self-contained: nothing to run, nothing to fetch.
    for (const html of files.values()) {
      expect(html).not.toMatch(/<script|<link|src=/i);
    }
    expect(JSON.parse(files.get("manifest.json")!).counts["print-jobs"].print_jobs).toBe(2);
    // Every table of the category has its own section on the page.
    const jobs = files.get("print-jobs.html")!;
    for (const t of exportTables["print-jobs"]) expect(jobs).toContain(`id="${t.table}"`);
  });

  it("shows a print job named like a script as text", async () => {
    const jobs = (await build("en")).files.get("print-jobs.html")!;
    expect(jobs).toContain("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>");
    expect(jobs).toContain("Benchy &quot;quoted&quot; &amp; &lt;b&gt;");
    expect(jobs).not.toContain(evil);
  });

  it("speaks the holder's language", async () => {
    const { files } = await build("nl");
    const index = files.get("index.html")!;
    expect(index).toContain('<html lang="nl">');
    expect(index).toContain("Wat er in deze kopie zit");
    expect(files.get("profile.html")).toContain("Terug naar het overzicht");
  });
});
