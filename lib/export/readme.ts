import type { Manifest } from "./manifest";

const wrap = (text: string, indent: string, width = 78): string => {
  const lines: string[] = [];
  let line = indent;
  for (const word of text.split(/\s+/)) {
    if (line.length + word.length + 1 > width && line.trim()) {
      lines.push(line.trimEnd());
      line = indent;
    }
    line += `${word} `;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines.join("\n");
};

/** README.txt of a CSV export: what each file and column means, in plain words. */
export function buildReadme(
  manifest: Manifest,
  rows: Record<string, Record<string, number>>,
): string {
  const out: string[] = [
    `Your data from ${manifest.controller.name}`,
    "=".repeat(40),
    "",
    wrap(
      `This archive holds a copy of the personal data we keep about ${manifest.subject.name} (${manifest.subject.email}), read from our database at ${manifest.generatedAt} (UTC) in one consistent snapshot. Each kind of data is a folder; each table in it is a CSV file with a header row (UTF-8, comma-separated, RFC 4180). Times are in UTC (ISO 8601). Text that a spreadsheet could mistake for a formula starts with an extra single quote (').`,
      "",
    ),
    "",
    wrap(
      `manifest.json repeats all of this for programs, with the export id ${manifest.exportId}. Questions: ${manifest.controller.contact}.`,
      "",
    ),
    "",
  ];
  if (manifest.range.from || manifest.range.to) {
    out.push(
      wrap(
        `Date range: ${manifest.range.from ?? "the beginning"} to ${manifest.range.to ?? "today"}, applied to the kinds of data marked "limited to the date range".`,
        "",
      ),
      "",
    );
  }
  for (const c of manifest.categories) {
    out.push(c.title, "-".repeat(c.title.length));
    out.push(wrap(`Why we have it: ${c.purpose}`, "  "));
    out.push(wrap(`On what basis: ${c.legalBasisExplained}`, "  "));
    out.push(wrap(`How long we keep it: ${c.retention.description}`, "  "));
    out.push(wrap(`Who receives it: ${c.recipients.join("; ")}`, "  "));
    out.push(wrap(`Where it comes from: ${c.source}`, "  "));
    if (c.rangeApplies && (manifest.range.from || manifest.range.to))
      out.push("  Limited to the date range.");
    out.push("");
    for (const t of c.tables) {
      const n = rows[c.id]?.[t.table];
      out.push(
        `  ${t.file ?? t.table}${n === undefined ? "" : ` (${n} ${n === 1 ? "record" : "records"})`}`,
      );
      out.push(wrap(t.description, "    "));
      for (const col of t.columns)
        out.push(wrap(`${col.name}: ${col.description}`, "      ").replace(/^ {6}/, "    - "));
      out.push("");
    }
  }
  return out.join("\n") + "\n";
}
