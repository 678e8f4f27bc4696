import type { Locale } from "@/lib/i18n/config";
import { exportTranslator } from "./i18n";
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

/** README.txt of a CSV export: what each file and column means, in plain words, in `locale`. */
export function buildReadme(
  manifest: Manifest,
  rows: Record<string, Record<string, number>>,
  locale: Locale = "en",
): string {
  const t = exportTranslator(locale);
  const title = t("readme.title", { controller: manifest.controller.name });
  const out: string[] = [
    title,
    "=".repeat(Math.max(40, title.length)),
    "",
    wrap(
      t("readme.intro", {
        name: manifest.subject.name,
        email: manifest.subject.email,
        when: manifest.generatedAt,
      }),
      "",
    ),
    "",
    wrap(t("readme.manifest", { id: manifest.exportId, contact: manifest.controller.contact }), ""),
    "",
  ];
  if (manifest.range.from || manifest.range.to) {
    out.push(
      wrap(
        t("readme.range", {
          from: manifest.range.from ?? t("readme.rangeStart"),
          to: manifest.range.to ?? t("readme.rangeEnd"),
        }),
        "",
      ),
      "",
    );
  }
  for (const c of manifest.categories) {
    out.push(c.title, "-".repeat(c.title.length));
    out.push(wrap(t("readme.why", { text: c.purpose }), "  "));
    out.push(wrap(t("readme.basis", { text: c.legalBasisExplained }), "  "));
    out.push(wrap(t("readme.retention", { text: c.retention.description }), "  "));
    out.push(wrap(t("readme.recipients", { text: c.recipients.join("; ") }), "  "));
    out.push(wrap(t("readme.source", { text: c.source }), "  "));
    if (c.rangeApplies && (manifest.range.from || manifest.range.to))
      out.push(`  ${t("readme.limited")}`);
    out.push("");
    for (const table of c.tables) {
      const n = rows[c.id]?.[table.table];
      out.push(
        `  ${table.file ?? table.table}${n === undefined ? "" : ` (${t("readme.records", { n })})`}`,
      );
      out.push(wrap(table.description, "    "));
      for (const col of table.columns)
        out.push(wrap(`${col.name}: ${col.description}`, "      ").replace(/^ {6}/, "    - "));
      out.push("");
    }
  }
  return out.join("\n") + "\n";
}
