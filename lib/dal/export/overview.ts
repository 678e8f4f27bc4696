import "server-only";
import { getDbHandle } from "@/db";
import { getCategory, type CategoryId } from "@/lib/catalog";
import { requireSession } from "@/lib/dal/session";
import { countSql } from "@/lib/export/sql";
import { exportTables } from "@/lib/export/tables";
import { listExportHistoryFor, type ExportHistoryDTO } from "./history";

export type { ExportHistoryDTO };

/** The signed-in user's past exports (metadata only), newest first. */
export async function listMyExportHistory(): Promise<ExportHistoryDTO[]> {
  return listExportHistoryFor(await requireSession());
}

export type ExportRowCountDTO = { category: CategoryId; table: string; rows: number };

/**
 * How many records each table of an export would hold now, for the export page. Counted
 * outside the export's snapshot, so a busy printer can add rows between this and the download.
 */
export async function countMyExportRows(
  categories: readonly CategoryId[],
  range: { from: string | null; to: string | null } = { from: null, to: null },
): Promise<ExportRowCountDTO[]> {
  const session = await requireSession();
  const handle = await getDbHandle();
  const scope = {
    userId: session.user.id,
    from: range.from ? new Date(`${range.from}T00:00:00.000Z`) : null,
    to: range.to ? new Date(Date.parse(`${range.to}T00:00:00.000Z`) + 86_400_000) : null,
  };
  const out: ExportRowCountDTO[] = [];
  for (const category of categories) {
    const timeSeries = getCategory(category)?.timeSeries ?? false;
    for (const t of exportTables[category]) {
      const [row] = await handle.query<{ n: number }>(countSql(t, scope, timeSeries));
      out.push({ category, table: t.table, rows: Number(row?.n ?? 0) });
    }
  }
  return out;
}
