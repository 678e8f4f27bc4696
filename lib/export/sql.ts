import type { ExportColumn, ExportTable } from "./tables";

/** Whose rows, and for time-series tables which ones: [from, to) in UTC. */
export type ExportScope = { userId: string; from?: Date | null; to?: Date | null };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

// COPY takes no bind parameters, so the scope is written into the SQL as literals. Both values
// are checked here, whatever the caller validated: a uuid and a Date's own ISO text can hold
// nothing but hex digits, dashes, digits, colons, dots, T and Z.
function uuidLiteral(id: string): string {
  if (!UUID.test(id)) throw new Error("export: subject id is not a uuid");
  return `'${id}'::uuid`;
}
function timeLiteral(d: Date): string {
  if (Number.isNaN(d.getTime())) throw new Error("export: invalid date in range");
  return `'${d.toISOString()}'::timestamptz`;
}

/** ISO 8601 in UTC with microseconds, e.g. 2026-03-01T12:00:00.123456Z. */
export const isoTime = (expr: string) =>
  `to_char(${expr} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** Cells that a spreadsheet would run as a formula get a leading quote (OWASP CSV injection). */
export const formulaSafe = (expr: string) =>
  `(case when left(${expr}, 1) in ('=', '+', '-', '@', E'\\t', E'\\r') then '''' || ${expr} else ${expr} end)`;

function jsonValue(c: ExportColumn): string {
  if (c.type === "time") return isoTime(c.expr);
  if (c.type === "inet") return `host(${c.expr})`;
  return c.expr;
}

function csvValue(c: ExportColumn, escapeFormulas: boolean): string {
  switch (c.type) {
    case "time":
      return isoTime(c.expr);
    case "uuid":
    case "int":
    case "number":
    case "bool":
      // Numbers are never formulas, even negative ones: they keep their value in a spreadsheet.
      return `${c.expr}::text`;
    default: {
      const text =
        c.type === "inet"
          ? `host(${c.expr})`
          : c.type === "text[]"
            ? `array_to_json(${c.expr})::text`
            : `${c.expr}::text`;
      return escapeFormulas ? formulaSafe(text) : text;
    }
  }
}

function whereClause(t: ExportTable, scope: ExportScope, timeSeries: boolean): string {
  const parts = [`${t.owner} = ${uuidLiteral(scope.userId)}`];
  if (timeSeries && t.time) {
    if (scope.from) parts.push(`${t.time} >= ${timeLiteral(scope.from)}`);
    if (scope.to) parts.push(`${t.time} < ${timeLiteral(scope.to)}`);
  }
  return parts.join(" and ");
}

/** One row per record: its JSON object as text (json_build_object keeps column order). */
export function jsonRowsSql(
  t: ExportTable,
  scope: ExportScope,
  timeSeries: boolean,
  suffix = "",
): string {
  const pairs = t.columns.map((c) => `'${c.name}', ${jsonValue(c)}`).join(", ");
  const row = suffix
    ? `json_build_object(${pairs})::text || '${suffix}'`
    : `json_build_object(${pairs})::text`;
  return `select ${row} as j from ${t.from} where ${whereClause(t, scope, timeSeries)} order by ${t.order}`;
}

/** One row per record, every cell as text (null stays null), in the table's column order. */
export function csvRowsSql(
  t: ExportTable,
  scope: ExportScope,
  timeSeries: boolean,
  escapeFormulas: boolean,
): string {
  const cells = t.columns.map((c) => `${csvValue(c, escapeFormulas)} as "${c.name}"`).join(", ");
  return `select ${cells} from ${t.from} where ${whereClause(t, scope, timeSeries)} order by ${t.order}`;
}

export function countSql(t: ExportTable, scope: ExportScope, timeSeries: boolean): string {
  return `select count(*)::int as n from ${t.from} where ${whereClause(t, scope, timeSeries)}`;
}
