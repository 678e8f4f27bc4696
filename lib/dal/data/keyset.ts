import "server-only";
import { sql, type AnyColumn, type SQL } from "drizzle-orm";
import { formatCursor, parseCursor, type Cursor, type IdKind } from "@/lib/cursor";

/**
 * Keyset pagination on (time, id), newest first, never OFFSET: page 1,000 costs what page 1
 * costs because the index on (…, time DESC, id DESC) is entered at the cursor. Every list in the
 * app pages through here.
 *
 * The cursor (lib/cursor.ts) is the last row's time in whole microseconds (PostgreSQL's own
 * precision, so rows made by now() in the same millisecond are neither skipped nor repeated) and
 * its id: "1732851010123456_<id>". It travels in the URL as ?after= (older) or ?before= (newer);
 * one that does not parse for this list's id kind is ignored, giving the first page.
 */
export { formatCursor, parseCursor, type Cursor, type IdKind } from "@/lib/cursor";
export type PageInput = { after?: string; before?: string; limit?: number };
export type Page<T> = { items: T[]; next: string | null; prev: string | null };

/** The row's time as exact microseconds since the epoch, selected beside each row. */
export function cursorKey(time: AnyColumn): SQL<string> {
  return sql<string>`(extract(epoch from ${time}) * 1000000)::bigint::text`;
}

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

/** A list's page size when none is asked for, and the most it allows. */
export type LimitBounds = { fallback: number; max: number };

/**
 * "desc" (the default): newest first, as every history list. "asc": soonest first, for a work
 * queue ordered by a deadline; `after` then means later rows and `before` earlier ones.
 */
export type KeysetDirection = "desc" | "asc";

/**
 * Where-clause, order and page assembly for one list; `limit` is clamped to 1–`bounds.max`
 * (default 25 of at most 100).
 */
export function keyset(
  time: AnyColumn,
  id: AnyColumn,
  idKind: IdKind,
  input: PageInput,
  bounds: LimitBounds = { fallback: 25, max: 100 },
  direction: KeysetDirection = "desc",
): Keyset {
  const asked = Number.isFinite(input.limit) ? Math.trunc(input.limit!) : bounds.fallback;
  const limit = Math.min(Math.max(asked, 1), bounds.max);
  const after = parseCursor(input.after, idKind);
  const before = after ? null : parseCursor(input.before, idKind);
  const backwards = before !== null;
  const asc = direction === "asc";
  const where = after
    ? asc
      ? sql`(${time}, ${id}) > ${cursorTuple(after, idKind)}`
      : sql`(${time}, ${id}) < ${cursorTuple(after, idKind)}`
    : before
      ? asc
        ? sql`(${time}, ${id}) < ${cursorTuple(before, idKind)}`
        : sql`(${time}, ${id}) > ${cursorTuple(before, idKind)}`
      : undefined;
  // "NULLS LAST"/"NULLS FIRST" must match the indexes drizzle-kit made ("DESC NULLS LAST"):
  // with a bare DESC the planner cannot use the index order and sorts the whole history.
  // Ascending lists match an index's default order, "ASC NULLS LAST" (read backwards for
  // `before`).
  const orderBy = asc
    ? backwards
      ? [sql`${time} desc nulls first`, sql`${id} desc nulls first`]
      : [sql`${time} asc nulls last`, sql`${id} asc nulls last`]
    : backwards
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
