import "server-only";
import { getDbHandle } from "@/db";
import { requireSession } from "@/lib/dal/session";
import type { AnyPgColumn, PgTable } from "drizzle-orm/pg-core";
import {
  categories,
  itemTarget,
  sqlColumn,
  sqlTableName,
  type CategoryId,
  type PurgeTarget,
} from "@/lib/catalog";

/** A category's overview query, in SQL names, from its catalog `stats` (column references). */
type Source = {
  table: string;
  owner: string;
  latest: string;
  /**
   * The rows the retention job would delete, with their clock: the panel's "oldest item" is the
   * oldest of exactly these (lib/catalog/retention.ts), so its date is the job's.
   */
  item?: PurgeTarget;
};

function ownerOf(table: PgTable): AnyPgColumn {
  const entry = categories.flatMap((c) => c.tables).find((t) => t.table === table);
  if (!entry) throw new Error(`overview: ${sqlTableName(table)} is in no category`);
  return entry.owner;
}

const sources = Object.fromEntries(
  categories.map((c): [CategoryId, Source] => {
    const { latest, clock } = c.stats;
    const item = clock ? itemTarget(c.id) : undefined;
    if (clock && item?.clock !== `t.${sqlColumn(clock)}`)
      throw new Error(`overview: ${c.id}'s clock is not the retention job's item clock`);
    return [
      c.id,
      {
        table: sqlTableName(latest.table),
        owner: sqlColumn(ownerOf(latest.table)),
        latest: sqlColumn(latest),
        item,
      },
    ];
  }),
) as Record<CategoryId, Source>;

/**
 * Counting a million rows on every visit would make the overview as slow as the data is big.
 * Up to this many items are counted exactly (an index-only scan that stops at the cap);
 * beyond it the planner's estimate is shown as "about N".
 */
export const EXACT_COUNT_CAP = 10_000;

export type ItemCount = { value: number; approximate: boolean };
export type CategoryStatsDTO = {
  id: CategoryId;
  count: ItemCount;
  latest: Date | null;
  oldest: Date | null;
};

const UUID = /^[0-9a-f-]{36}$/i;

function countSql(id: CategoryId, s: Source): string {
  return `(select count(*) from (select 1 from ${s.table} where ${s.owner} = $1 limit ${EXACT_COUNT_CAP + 1}) s)::int as "${id}:count",
  (select max(${s.latest}) from ${s.table} where ${s.owner} = $1) as "${id}:latest"`;
}

function oldestSql(id: CategoryId, s: Source): string {
  const item = s.item;
  if (!item?.owner) return `null::timestamptz as "${id}:oldest"`;
  const extra = item.where ? ` and ${item.where}` : "";
  return `(select min(${item.clock}) from ${item.from} where ${item.owner} = $1${extra}) as "${id}:oldest"`;
}

async function estimate(table: string, owner: string, userId: string): Promise<number> {
  if (!UUID.test(userId)) throw new Error("unexpected user id");
  const handle = await getDbHandle();
  // The id is a uuid from the session (checked above), inlined so the planner sees the value.
  const [row] = await handle.query<Record<string, unknown>>(
    `explain (format json) select 1 from ${table} where ${owner} = '${userId}'`,
  );
  const raw = row ? Object.values(row)[0] : null;
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as [
    { Plan: { "Plan Rows": number } },
  ];
  return Math.round(plan[0].Plan["Plan Rows"]);
}

/** Count, latest and oldest item of the given categories for the signed-in user, in one query. */
export async function getMyCategoryStats(
  ids: CategoryId[],
  opts: { oldest?: boolean } = {},
): Promise<CategoryStatsDTO[]> {
  const { user } = await requireSession();
  const handle = await getDbHandle();
  const parts = ids.flatMap((id) => [
    countSql(id, sources[id]),
    ...(opts.oldest ? [oldestSql(id, sources[id])] : []),
  ]);
  const [row] = await handle.query<Record<string, unknown>>(`select ${parts.join(",\n  ")}`, [
    user.id,
  ]);
  const date = (v: unknown) =>
    v === null || v === undefined ? null : v instanceof Date ? v : new Date(String(v));
  return Promise.all(
    ids.map(async (id) => {
      const exact = Number(row?.[`${id}:count`] ?? 0);
      const capped = exact > EXACT_COUNT_CAP;
      const s = sources[id];
      const value = capped
        ? Math.max(EXACT_COUNT_CAP + 1, await estimate(s.table, s.owner, user.id))
        : exact;
      return {
        id,
        count: { value, approximate: capped },
        latest: date(row?.[`${id}:latest`]),
        oldest: date(row?.[`${id}:oldest`]),
      };
    }),
  );
}
