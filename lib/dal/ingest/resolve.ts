import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db";
import { materials, printers } from "@/db/schema";
import { ApiProblem, type ProblemItem } from "@/lib/api/v1/problem";
import { parseCursor, type IdKind } from "@/lib/cursor";

/** Rows per INSERT: the batch in as few statements as PostgreSQL's 65,535 parameters allow. */
export const INSERT_CHUNK = 4000;

/**
 * A PostgreSQL array literal (`{a,b,NULL}`) sent as one text parameter and cast in SQL
 * (`$1::real[]`), so thousands of rows go as a handful of parameters instead of one per value.
 * Only for values whose text form needs no quoting: uuids, finite numbers, ISO-8601 times.
 */
export function pgArray(values: readonly (string | number | Date | null)[]): string {
  const parts = new Array<string>(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v === null || v === undefined) parts[i] = "NULL";
    else if (v instanceof Date) parts[i] = v.toISOString();
    else if (typeof v === "number") {
      if (!Number.isFinite(v)) throw new Error("pgArray: not a finite number");
      parts[i] = String(v);
    } else if (/^[0-9A-Za-z:.+-]+$/.test(v) && v.toUpperCase() !== "NULL") parts[i] = v;
    else throw new Error("pgArray: value needs quoting");
  }
  return `{${parts.join(",")}}`;
}

/** Inserts in chunks of INSERT_CHUNK rows: one statement for any ordinary batch. */
export async function insertChunked<T>(
  rows: T[],
  insert: (chunk: T[]) => Promise<unknown>,
): Promise<void> {
  for (let i = 0; i < rows.length; i += INSERT_CHUNK) await insert(rows.slice(i, i + INSERT_CHUNK));
}

/**
 * The holder's printers with these serials, in one query. A serial the holder does not have —
 * another holder's included — is "not found", naming every item that carried one.
 */
export async function resolveSerials(
  tx: Tx,
  userId: string,
  wanted: { serial: string; pointer: string }[],
): Promise<Map<string, string>> {
  const serials = [...new Set(wanted.map((w) => w.serial))];
  const found = new Map<string, string>();
  if (serials.length === 0) return found;
  const rows = await tx
    .select({ id: printers.id, serial: printers.serial })
    .from(printers)
    .where(and(eq(printers.userId, userId), inArray(printers.serial, serials)));
  for (const r of rows) found.set(r.serial, r.id);
  const missing: ProblemItem[] = wanted
    .filter((w) => !found.has(w.serial))
    .map((w) => ({
      pointer: w.pointer,
      detail: `No printer with serial "${w.serial}"; register it first (PUT /api/v1/printers/{serial}).`,
    }));
  if (missing.length > 0) {
    throw new ApiProblem(
      "not-found",
      missing.length === 1 ? missing[0]!.detail : `${missing.length} items name unknown printers.`,
      { errors: missing },
    );
  }
  return found;
}

/** Material ids by GUID, in one query; an unknown GUID is a validation error at its pointer. */
export async function resolveMaterials(
  tx: Tx,
  wanted: { guid: string; pointer: string }[],
): Promise<Map<string, string>> {
  const guids = [...new Set(wanted.map((w) => w.guid))];
  const found = new Map<string, string>();
  if (guids.length === 0) return found;
  const rows = await tx
    .select({ id: materials.id, guid: materials.guid })
    .from(materials)
    .where(inArray(materials.guid, guids));
  for (const r of rows) found.set(r.guid, r.id);
  const missing: ProblemItem[] = wanted
    .filter((w) => !found.has(w.guid))
    .map((w) => ({ pointer: w.pointer, detail: `Unknown material GUID "${w.guid}".` }));
  if (missing.length > 0) {
    throw new ApiProblem(
      "validation",
      missing.length === 1
        ? `${missing[0]!.pointer}: ${missing[0]!.detail}`
        : `${missing.length} unknown material GUIDs; see errors.`,
      { errors: missing },
    );
  }
  return found;
}

/** A list's cursor must be one this list gave out: the API says so instead of restarting. */
export function assertCursor(cursor: string | undefined, kind: IdKind): void {
  if (cursor !== undefined && !parseCursor(cursor, kind)) {
    throw new ApiProblem("validation", "cursor: Not a cursor this list gave out.", {
      errors: [{ parameter: "cursor", detail: "Use the nextCursor of the previous page." }],
    });
  }
}
