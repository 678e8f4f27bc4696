// The catalog describes tables by their drizzle declarations (@/db/schema, @/db/schema-tables):
// table objects and column names only, never the database client; eslint.config.mjs enforces that.
import { Column, is } from "drizzle-orm";
import { getTableConfig, type AnyPgColumn, type PgTable } from "drizzle-orm/pg-core";
import { sqlColumnName } from "@/db/schema-tables";

/** How a column is written: decides its SQL rendering, its CSV text and its JSON Schema type. */
export type ColumnType =
  "uuid" | "text" | "int" | "number" | "bool" | "time" | "json" | "text[]" | "inet";

export type ExportColumn = {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** SQL for the value, e.g. `t.created_at`. */
  expr: string;
};

/** What an export reads for one table: all SQL text, derived from the drizzle table. */
export type ExportTable = {
  /** SQL table name; also the CSV file's name and the JSON member's key. */
  table: string;
  /** FROM clause; the table itself is aliased `t`. */
  from: string;
  /** SQL that must equal the subject's id. */
  owner: string;
  /** For time-series categories: the time a date range filters on. */
  time?: string;
  /** ORDER BY: newest first where the indexes allow, always ending on a unique key. */
  order: string;
  columns: ExportColumn[];
};

export type FieldDoc = { name: string; description: string };

/** One table of a category: the drizzle table, our words for it, and what its export holds. */
export type CatalogTable = {
  table: PgTable;
  /** SQL table name. */
  name: string;
  description: string;
  /** The fields we describe to the user, by SQL column name, in the catalog's order. */
  fields: FieldDoc[];
  /** The column that holds the owner's id (for most tables its own `userId`). */
  owner: AnyPgColumn;
  export: ExportTable;
};

/** The table's own column keys (camelCase, as in db/schema). */
export type ColumnKey<T extends PgTable> = keyof T["_"]["columns"] & string;

/** An ORDER BY term: a column (ascending) or `desc(column)`. */
export type OrderTerm = AnyPgColumn | { desc: AnyPgColumn };
export const desc = (column: AnyPgColumn): OrderTerm => ({ desc: column });

export type TableSpec<T extends PgTable> = {
  description: string;
  /** Words for the user, keyed by the table's own column keys: a renamed column fails tsc. */
  fields: { [K in ColumnKey<T>]?: string };
  /**
   * The exported columns in file order: the table's own keys, or `[name, column]` for a
   * column of a joined table. Secrets and other people's ids are simply not listed.
   */
  columns: readonly (ColumnKey<T> | readonly [string, AnyPgColumn])[];
  /** Whose rows; default the table's `userId`. May be a joined table's column. */
  owner?: AnyPgColumn;
  /** For time-series categories: the time a date range filters on. May be a joined column. */
  time?: AnyPgColumn;
  /** Default: newest `createdAt` first, then `id`. */
  order?: readonly OrderTerm[];
  /** Joined tables by alias: `[their column, our column]` must be equal. */
  joins?: Record<string, readonly [AnyPgColumn, AnyPgColumn]>;
};

/** The SQL name of a drizzle table. */
export const sqlTableName = (table: PgTable) => getTableConfig(table).name;

/** The SQL name of a drizzle column (the schema uses drizzle's snake_case casing). */
export const sqlColumn = (column: AnyPgColumn) => sqlColumnName(column.name);

/** The export type of a column, from drizzle's description of it. */
export function columnType(column: AnyPgColumn): ColumnType {
  switch (column.columnType) {
    case "PgUUID":
      return "uuid";
    case "PgText":
    case "PgEnumColumn":
      return "text";
    case "PgInteger":
    case "PgBigInt53":
      return "int";
    case "PgReal":
      return "number";
    case "PgBoolean":
      return "bool";
    case "PgTimestamp":
      return "time";
    case "PgJsonb":
      return "json";
    case "PgInet":
      return "inet";
    case "PgArray": {
      const base = (column as unknown as { baseColumn: AnyPgColumn }).baseColumn;
      if (base.columnType === "PgText") return "text[]";
    }
  }
  throw new Error(`catalog: no export type for ${column.columnType} column ${column.name}`);
}

/**
 * One catalog table from its drizzle table. The type checker holds `fields` and `columns` to
 * the table's own column keys; column types, nullability and SQL names come from the table.
 */
export function catalogTable<T extends PgTable>(table: T, spec: TableSpec<T>): CatalogTable {
  const name = sqlTableName(table);
  const own = table as unknown as Record<string, AnyPgColumn>;
  const aliases = new Map<string, string>([[name, "t"]]);
  for (const [alias, [theirs]] of Object.entries(spec.joins ?? {}))
    aliases.set(sqlTableName(theirs.table), alias);
  const ref = (column: AnyPgColumn) => {
    const alias = aliases.get(sqlTableName(column.table));
    if (!alias) throw new Error(`catalog: ${name} does not join ${sqlTableName(column.table)}`);
    return `${alias}.${sqlColumn(column)}`;
  };
  const ownColumn = (key: string) => {
    const column = own[key];
    if (!column) throw new Error(`catalog: ${name} has no column ${key}`);
    return column;
  };

  const owner = spec.owner ?? ownColumn("userId");
  const joins = Object.entries(spec.joins ?? {}).map(
    ([alias, [theirs, ours]]) =>
      ` join ${sqlTableName(theirs.table)} ${alias} on ${ref(theirs)} = ${ref(ours)}`,
  );
  const order = spec.order ?? [desc(ownColumn("createdAt")), desc(ownColumn("id"))];
  const columns = spec.columns.map((item): ExportColumn => {
    const [columnName, column] =
      typeof item === "string" ? [sqlColumnName(item), ownColumn(item)] : item;
    return {
      name: columnName,
      type: columnType(column),
      nullable: !column.notNull,
      expr: ref(column),
    };
  });

  return {
    table,
    name,
    description: spec.description,
    fields: Object.entries(spec.fields as Record<string, string>).map(([key, description]) => ({
      name: sqlColumn(ownColumn(key)),
      description,
    })),
    owner,
    export: {
      table: name,
      from: `${name} t${joins.join("")}`,
      owner: ref(owner),
      time: spec.time && ref(spec.time),
      order: order
        .map((term) => (is(term, Column) ? ref(term) : `${ref(term.desc)} desc`))
        .join(", "),
      columns,
    },
  };
}
