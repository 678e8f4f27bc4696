import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { getDb, type Db, type Tx } from "@/db";
import { categories, sqlColumn, sqlTableName, type DataCategory } from "@/lib/catalog";
import { writeAudit } from "@/lib/dal/audit";
import { requireUser, requireWritable } from "@/lib/dal/session";
import { invalidInput } from "@/lib/errors";
import type { DeleteDataValues } from "@/lib/validation/delete-data";

/**
 * "Delete data by category and date range", for the categories the catalog lets a holder delete
 * (userCanDelete). Each category's first table is the one a person thinks of (print jobs,
 * diagnostics, …); its child rows (materials, temperature samples) follow by cascade. The range
 * filters on the category's `stats.latest` time column. Rows go in batches, each batch its own
 * short transaction with its audit entry, so a million print jobs never lock the account.
 */

const BATCH = 1_000;

export type DeletableCategoryDTO = { id: string; title: string; timeSeries: boolean };

type Target = { category: DataCategory; table: string; owner: string; time: string };

function targetOf(id: string): Target {
  const category = categories.find((c) => c.id === id && c.userCanDelete);
  const root = category?.tables[0];
  if (!category || !root)
    throw invalidInput("This kind of data cannot be deleted here.", {
      category: ["Choose one of the kinds listed."],
    });
  const time = category.stats.latest;
  if (sqlTableName(time.table) !== root.name)
    throw new Error(`delete-data: ${category.id}'s time column is not on ${root.name}`);
  return { category, table: root.name, owner: sqlColumn(root.owner), time: sqlColumn(time) };
}

/** The kinds of data the holder may delete, in the catalog's order. */
export async function listDeletableCategories(): Promise<DeletableCategoryDTO[]> {
  await requireUser();
  return categories
    .filter((c) => c.userCanDelete)
    .map((c) => ({ id: c.id, title: c.title, timeSeries: c.timeSeries }));
}

const DAY_MS = 86_400_000;

function whereOf(t: Target, userId: string, v: DeleteDataValues): SQL {
  // Times as ISO text with a cast: postgres.js takes no Date in a raw query's parameters.
  const at = (day: string, plusDays = 0) =>
    sql`${new Date(Date.parse(`${day}T00:00:00Z`) + plusDays * DAY_MS).toISOString()}::timestamptz`;
  const parts = [sql`${sql.identifier(t.owner)} = ${userId}`];
  if (v.from) parts.push(sql`${sql.identifier(t.time)} >= ${at(v.from)}`);
  if (v.to) parts.push(sql`${sql.identifier(t.time)} < ${at(v.to, 1)}`);
  return sql.join(parts, sql` and `);
}

async function rowsOf<T>(tx: Tx | Db, query: SQL): Promise<T[]> {
  const result = (await tx.execute(query)) as unknown as T[] | { rows: T[] };
  return Array.isArray(result) ? result : result.rows;
}

/** How many items the deletion would remove (shown before the holder confirms). */
export async function countMyDeletable(v: DeleteDataValues): Promise<number> {
  const user = await requireUser();
  const t = targetOf(v.category);
  const db = await getDb();
  const [row] = await rowsOf<{ n: number | string }>(
    db,
    sql`select count(*) as n from ${sql.identifier(t.table)} where ${whereOf(t, user.id, v)}`,
  );
  return Number(row?.n ?? 0);
}

/** Deletes them, batch by batch; returns how many went. */
export async function deleteMyData(v: DeleteDataValues): Promise<number> {
  const session = await requireWritable("data.delete_range");
  const t = targetOf(v.category);
  const db = await getDb();
  const table = sql.identifier(t.table);
  let total = 0;
  for (;;) {
    const n = await db.transaction(async (tx) => {
      const [row] = await rowsOf<{ n: number | string }>(
        tx,
        sql`with d as (delete from ${table} where ctid = any(array(
              select ctid from ${table} where ${whereOf(t, session.user.id, v)} limit ${BATCH}))
            returning 1)
            select count(*) as n from d`,
      );
      const deleted = Number(row?.n ?? 0);
      if (deleted > 0)
        await writeAudit(tx, {
          actorId: session.user.id,
          actorRole: session.user.role,
          subjectId: session.user.id,
          action: "data.delete_range",
          targetType: t.table,
          details: { category: t.category.id, from: v.from, to: v.to, rows: deleted },
        });
      return deleted;
    });
    total += n;
    if (n < BATCH) return total;
  }
}
