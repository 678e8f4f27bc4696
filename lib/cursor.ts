/**
 * The one cursor format every list pages with (see lib/dal/data/keyset.ts): the last row's time
 * in whole microseconds since the epoch and its id, "1732851010123456_<id>". It travels in the URL
 * as ?after= or ?before=, so it is untrusted input: anything that does not parse here is no cursor
 * at all (the list shows its first page) and never reaches the database.
 */
export type Cursor = { micros: string; id: string };

/** What a list's ids are: a uuid, or a bigint (identity column) from 0 to 2^63 - 1. */
export type IdKind = "uuid" | "bigint";

/** 9999-12-31T23:59:59.999999Z, the last microsecond every engine and `Date` can represent. */
export const MAX_MICROS = 253_402_300_799_999_999n;
const MAX_BIGINT = 9_223_372_036_854_775_807n;

const SHAPE =
  /^(\d{1,18})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\d{1,19})$/i;

/** The kind of a well-formed id, or null when it is neither a uuid nor a bigint in range. */
function idKindOf(id: string): IdKind | null {
  if (id.includes("-")) return "uuid";
  const n = BigInt(id);
  return n <= MAX_BIGINT ? "bigint" : null;
}

/**
 * Reads a cursor, or null when `value` is not one: malformed, a time before 1970 or after 9999,
 * an id out of bigint range, or (when `kind` is given) an id of the other kind.
 */
export function parseCursor(value: string | undefined, kind?: IdKind): Cursor | null {
  const m = value ? SHAPE.exec(value) : null;
  if (!m) return null;
  const micros = BigInt(m[1]!);
  const id = m[2]!.toLowerCase();
  const idKind = idKindOf(id);
  if (micros > MAX_MICROS || idKind === null || (kind && idKind !== kind)) return null;
  // Canonical digits (no leading zeros), so the same row always has the same cursor.
  return { micros: micros.toString(), id: idKind === "bigint" ? BigInt(id).toString() : id };
}

export function formatCursor(c: Cursor): string {
  return `${c.micros}_${c.id}`;
}
