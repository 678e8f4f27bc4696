import type { CategoryId } from "@/lib/catalog";
import type { ExportCounts, ExportPlan } from "./document";
import { isTimeSeries } from "./document";
import { exportTranslator, type ExportTranslator } from "./i18n";
import type { Manifest } from "./manifest";
import type { SnapshotReader } from "./reader";
import type { ChunkWriter } from "./sink";
import { exportTables, type ExportTable } from "./tables";
import { streamZip } from "./zip";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for HTML content and attribute values: every value passes through here. */
export const escapeHtml = (value: string) => value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);

/** A category's page in the ZIP (category ids are lowercase words joined by hyphens). */
export const htmlFileName = (category: CategoryId) => `${category}.html`;

// Plain and self-contained: no scripts, no external files, readable offline and printable.
// Colours from Tailwind's slate palette; follows the reader's dark mode.
const STYLE = `body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:72rem;padding:1rem;color:#0f172a;background:#fff}
a{color:#1d4ed8}h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}dd{margin:0}
.scroll{overflow-x:auto}table{border-collapse:collapse;font-size:.875rem}
th,td{border:1px solid #cbd5e1;padding:.25rem .5rem;text-align:left;vertical-align:top;overflow-wrap:anywhere}
th{background:#f1f5f9}.muted{color:#475569}
@media (prefers-color-scheme:dark){body{background:#0f172a;color:#e2e8f0}a{color:#93c5fd}th{background:#1e293b}th,td{border-color:#475569}.muted{color:#94a3b8}}`;

function page(lang: string, title: string, body: string): string {
  return `<!doctype html>
<html lang="${escapeHtml(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
${body}`;
}

const END = "\n</body>\n</html>\n";

/** One cell as a person reads it: text as is (escaped), yes/no, nested values as JSON. */
export function htmlCell(value: unknown, t: ExportTranslator): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return t(value ? "html.yes" : "html.no");
  if (typeof value === "string") return escapeHtml(value);
  if (typeof value === "number") return String(value);
  return escapeHtml(JSON.stringify(value));
}

/**
 * Splits the reader's JSON records (one per line, separated by ",\n") back into objects as
 * they stream past, so a table of a million rows is never held whole.
 */
function jsonLines(onRecord: (record: Record<string, unknown>) => Promise<void>) {
  let rest = "";
  const decoder = new TextDecoder();
  const take = async (line: string) => {
    const trimmed = line.trim().replace(/^,/, "").replace(/,$/, "");
    if (trimmed) await onRecord(JSON.parse(trimmed) as Record<string, unknown>);
  };
  return {
    write: (async (chunk) => {
      const lines = (rest + decoder.decode(chunk, { stream: true })).split("\n");
      rest = lines.pop() ?? "";
      for (const line of lines) await take(line);
    }) satisfies ChunkWriter,
    end: () => take(rest + decoder.decode()),
  };
}

async function writeTable(
  reader: SnapshotReader,
  plan: ExportPlan,
  category: CategoryId,
  table: ExportTable,
  doc: Manifest["categories"][number]["tables"][number] | undefined,
  t: ExportTranslator,
  write: (s: string) => Promise<void>,
): Promise<number> {
  await write(
    `<section>\n<h2 id="${escapeHtml(table.table)}">${escapeHtml(doc?.description ?? table.table)}</h2>\n`,
  );
  let head = false;
  const lines = jsonLines(async (record) => {
    if (!head) {
      head = true;
      const ths = table.columns
        .map((c) => {
          const about = doc?.columns.find((d) => d.name === c.name)?.description ?? c.name;
          return `<th scope="col" title="${escapeHtml(about)}">${escapeHtml(c.name)}</th>`;
        })
        .join("");
      await write(`<div class="scroll"><table>\n<thead><tr>${ths}</tr></thead>\n<tbody>\n`);
    }
    const tds = table.columns.map((c) => `<td>${htmlCell(record[c.name], t)}</td>`).join("");
    await write(`<tr>${tds}</tr>\n`);
  });
  const n = await reader.json(table, plan.scope, isTimeSeries(category), lines.write);
  await lines.end();
  await write(
    head ? "</tbody>\n</table></div>\n" : `<p class="muted">${escapeHtml(t("html.none"))}</p>\n`,
  );
  if (doc) {
    const cols = doc.columns
      .map((c) => `<dt>${escapeHtml(c.name)}</dt><dd>${escapeHtml(c.description)}</dd>`)
      .join("\n");
    await write(
      `<details><summary>${escapeHtml(t("html.columns"))}</summary>\n<dl>\n${cols}\n</dl></details>\n`,
    );
  }
  await write("</section>\n");
  return n;
}

function categoryHeader(c: Manifest["categories"][number], plan: ExportPlan, t: ExportTranslator) {
  const rows: [string, string][] = [
    [t("html.why"), c.purpose],
    [t("html.basis"), c.legalBasisExplained],
    [t("html.retention"), c.retention.description],
    [t("html.recipients"), c.recipients.join("; ")],
    [t("html.source"), c.source],
  ];
  const ranged = c.rangeApplies && (plan.manifest.range.from || plan.manifest.range.to);
  return `<p><a href="index.html">${escapeHtml(t("html.back"))}</a></p>
<h1>${escapeHtml(c.title)}</h1>
<dl>
${rows.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${escapeHtml(v)}</dd>`).join("\n")}
</dl>
${ranged ? `<p>${escapeHtml(t("html.limited"))}</p>\n` : ""}`;
}

function indexPage(plan: ExportPlan, counts: ExportCounts, t: ExportTranslator, lang: string) {
  const m = plan.manifest;
  const title = t("html.title", { controller: m.controller.name });
  const items = m.categories
    .map((c) => {
      const n = Object.values(counts[c.id] ?? {}).reduce((a, b) => a + b, 0);
      return `<li><a href="${htmlFileName(c.id as CategoryId)}">${escapeHtml(c.title)}</a> <span class="muted">(${escapeHtml(t("html.records", { n }))})</span></li>`;
    })
    .join("\n");
  const range =
    m.range.from || m.range.to
      ? `<p>${escapeHtml(t("html.range", { from: m.range.from ?? t("html.rangeStart"), to: m.range.to ?? t("html.rangeEnd") }))}</p>\n`
      : "";
  return (
    page(
      lang,
      title,
      `<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(t("html.intro", { name: m.subject.name, email: m.subject.email, when: m.generatedAt }))}</p>
${range}<h2>${escapeHtml(t("html.contents"))}</h2>
<ul>
${items}
</ul>
<p>${escapeHtml(t("html.questions", { contact: m.controller.contact }))}</p>
<p class="muted">${escapeHtml(t("html.exportId", { id: m.exportId }))}</p>`,
    ) + END
  );
}

/**
 * The human-readable copy: a ZIP with index.html and one plain HTML page per category (inline
 * CSS, no scripts, every value escaped), in the holder's language, plus manifest.json. Rows
 * stream from the snapshot into the page as they are read.
 */
export async function writeHtmlDocument(
  reader: SnapshotReader,
  plan: ExportPlan,
  write: ChunkWriter,
  signal: AbortSignal,
): Promise<ExportCounts> {
  const locale = plan.locale ?? "en";
  const t = exportTranslator(locale);
  return streamZip(write, signal, new Date(plan.manifest.generatedAt), async (zip) => {
    const counts: ExportCounts = {};
    for (const id of plan.categories) {
      const c = plan.manifest.categories.find((x) => x.id === id)!;
      counts[id] = {};
      await zip.file(htmlFileName(id), async (w) => {
        const put = (s: string) => w(Buffer.from(s, "utf8"));
        await put(page(locale, c.title, categoryHeader(c, plan, t)));
        for (const table of exportTables[id]) {
          const doc = c.tables.find((d) => d.table === table.table);
          counts[id]![table.table] = await writeTable(reader, plan, id, table, doc, t, put);
        }
        await put(END);
      });
    }
    zip.put("index.html", indexPage(plan, counts, t, locale));
    zip.put("manifest.json", JSON.stringify({ ...plan.manifest, counts }, null, 2));
    return counts;
  });
}
