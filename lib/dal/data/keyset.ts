import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";

/**
 * Keyset pagination on (time, id), newest first, never OFFSET: page 1,000 costs what page 1
 * costs because the index on (user_id, time DESC, id DESC) is entered at the cursor.
 *
 * The cursor is the last row's time in whole microseconds (PostgreSQL's own precision, so rows
 * made by now() in the same millisecond are neither skipped nor repeated) and its id:
 * "1732851010123456_<id>". It travels in the URL as ?after= or ?before=.
 */
export type Cursor = { micros: string; id: string };
export type PageInput = { after?: string; before?: string; limit?: number };
export type Page<T> = { items: T[]; next: string | null; prev: string | null };

const CURSOR = /^(\d{1,20})_([0-9a-f-]{36}|\d{1,19})$/i;

export function parseCursor(value: string | undefined): Cursor | null {
  const m = value ? CURSOR.exec(value) : null;
  return m ? { micros: m[1]!, id: m[2]!.toLowerCase() } : null;
}

export function formatCursor(c: Cursor): string {
  return `${c.micros}_${c.id}`;
}

/** The row's time as exact microseconds since the epoch, selected beside each row. */
export function cursorKey(time: AnyColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${time}) * 1000000)::bigint::text`;
}

type IdKind = "uuid" | "bigint";

function cursorTuple(c: Cursor, idKind: IdKind): SQL {
  const at = sql`(timestamptz 'epoch' + ${c.micros}::bigint * interval '1 microsecond')`;
  const id = idKind === "uuid" ? sql`${c.id}::uuid` : sql`${c.id}::bigint`;
  return sql`(${at}, ${id})`;
}

export type Keyset = {
  where: SQL | undefined;
  orderBy: SQL[];
  limit: number;
  /** Turns the limit+1 rows fetched into a page with next/previous cursors. */
  page<R extends { _k: string; id: string | number }, T>(rows: R[], toItem: (r: R) => T): Page<T>;
};

/** Where-clause, order and page assembly for one list; `limit` is clamped to 1–100. */
export function keyset(time: AnyColumn, id: AnyColumn, idKind: IdKind, input: PageInput): Keyset {
  const limit = Math.min(Math.max(Math.trunc(input.limit ?? 25), 1), 100);
  const after = parseCursor(input.after);
  const before = after ? null : parseCursor(input.before);
  const backwards = before !== null;
  const where = after
    ? sql`(${time}, ${id}) < ${cursorTuple(after, idKind)}`
    : before
      ? sql`(${time}, ${id}) > ${cursorTuple(before, idKind)}`
      : undefined;
  // "NULLS LAST"/"NULLS FIRST" must match the indexes drizzle-kit made ("DESC NULLS LAST"):
  // with a bare DESC the planner cannot use the index order and sorts the whole history.
  const orderBy = backwards
    ? [sql`${time} asc nulls first`, sql`${id} asc nulls first`]
    : [sql`${time} desc nulls last`, sql`${id} desc nulls last`];
  return {
    where,
    orderBy,
    limit: limit + 1,
    page(rows, toItem) {
      const more = rows.length > limit;
      const kept = rows.slice(0, limit);
      if (backwards) kept.reverse();
      const key = (r: (typeof rows)[number] | undefined) =>
        r ? formatCursor({ micros: r._k, id: String(r.id) }) : null;
      const first = kept[0];
      const last = kept.at(-1);
      return {
        items: kept.map(toItem),
        next: backwards ? key(last) : more ? key(last) : null,
        prev: backwards ? (more ? key(first) : null) : after ? key(first) : null,
      };
    },
  };
}
