import { getTableConfig, type PgTable } from "drizzle-orm/pg-core";
import { categories, erasureRules, sqlColumn, sqlTableName, type ErasureRule } from "@/lib/catalog";

/**
 * What an erasure does, derived from the catalog and its erasure rules (lib/catalog/erasure.ts),
 * never written out a second time. Pure: no database.
 */

/** A table the erasure empties itself, in bounded batches, before the account row goes. */
export type BatchStep = { table: string; owner: string };

// consent_events is append-only: its trigger lets only the cascade from users delete rows, so
// it goes with the account row (a handful of rows per person). users is the last step itself.
const LEFT_TO_THE_CASCADE = new Set(["users", "consent_events"]);

/**
 * The tables to empty batch by batch, children before the tables they reference, so no batch
 * ever cascades into another table's rows (which would make a batch unbounded): print jobs'
 * samples and materials before print jobs, status events before printers, and so on. Only tables
 * whose rule is "delete" and whose owner column is their own.
 */
export function batchPlan(): BatchStep[] {
  const tables = new Map<string, { table: PgTable; owner: string }>();
  for (const category of categories) {
    for (const t of category.tables) {
      const rule = erasureRules[t.name as keyof typeof erasureRules] as ErasureRule | undefined;
      if (!rule || rule.action !== "delete" || LEFT_TO_THE_CASCADE.has(t.name)) continue;
      if (sqlTableName(t.owner.table) !== t.name) continue;
      tables.set(t.name, { table: t.table, owner: sqlColumn(t.owner) });
    }
  }
  // Depth-first: a table is placed only after every table that references it.
  const referencedBy = new Map<string, Set<string>>();
  for (const [name, { table }] of tables) {
    for (const fk of getTableConfig(table).foreignKeys) {
      const target = sqlTableName(fk.reference().foreignTable);
      if (target === name || !tables.has(target)) continue;
      if (!referencedBy.has(target)) referencedBy.set(target, new Set());
      referencedBy.get(target)!.add(name);
    }
  }
  const order: BatchStep[] = [];
  const placed = new Set<string>();
  const visit = (name: string, path: Set<string>) => {
    if (placed.has(name)) return;
    if (path.has(name)) throw new Error(`erasure plan: foreign-key cycle through ${name}`);
    path.add(name);
    for (const child of [...(referencedBy.get(name) ?? [])].sort()) visit(child, path);
    path.delete(name);
    placed.add(name);
    order.push({ table: name, owner: tables.get(name)!.owner });
  };
  for (const name of [...tables.keys()].sort()) visit(name, new Set());
  return order;
}

/** One line of the receipt: what happened to one table's rows. */
export type ReceiptLine = {
  table: string;
  action: ErasureRule["action"];
  rows: number;
  /** For anonymised and kept rows: why they stay. */
  basis?: string;
  how?: string;
};

/** The receipt's lines in the rules' order, with the counts the run recorded. */
export function receiptLines(counts: Record<string, number>): ReceiptLine[] {
  return Object.entries(erasureRules as Record<string, ErasureRule>).map(([table, rule]) => ({
    table,
    action: rule.action,
    rows: counts[table] ?? 0,
    ...(rule.action === "delete" ? { how: rule.how } : {}),
    ...(rule.action === "anonymise" ? { how: rule.how, basis: rule.basis } : {}),
    ...(rule.action === "keep" ? { basis: rule.basis } : {}),
  }));
}

/** What "Delete my account" tells the holder, in plain words, from the same rules. */
export type ErasureStatement = {
  deleted: { category: string; tables: string[] }[];
  stays: { what: string; action: "anonymise" | "keep"; how?: string; basis: string }[];
};

export function erasureStatement(): ErasureStatement {
  const rules = erasureRules as Record<string, ErasureRule>;
  const deleted: ErasureStatement["deleted"] = [];
  const stays: ErasureStatement["stays"] = [];
  for (const category of categories) {
    const gone = category.tables.filter((t) => rules[t.name]?.action === "delete");
    if (gone.length)
      deleted.push({ category: category.title, tables: gone.map((t) => t.description) });
    for (const t of category.tables) {
      const rule = rules[t.name];
      if (rule?.action === "anonymise")
        stays.push({ what: t.description, action: "anonymise", how: rule.how, basis: rule.basis });
      if (rule?.action === "keep")
        stays.push({ what: t.description, action: "keep", basis: rule.basis });
    }
  }
  // Tables in no category (the audit log) still have a rule: say what happens to them too.
  const described = new Set(categories.flatMap((c) => c.tables.map((t) => t.name)));
  for (const [table, rule] of Object.entries(rules)) {
    if (described.has(table) || rule.action === "delete") continue;
    stays.push({
      what: table === "audit_log" ? "Our security and privacy log" : table,
      action: rule.action,
      how: rule.action === "anonymise" ? rule.how : undefined,
      basis: rule.basis,
    });
  }
  return { deleted, stays };
}
