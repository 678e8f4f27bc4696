"use server";
import { env } from "@/lib/env";
import { ok, refusal, type ActionResult } from "@/lib/actions";
import { listMyExportHistory } from "@/lib/dal/export";
import { requireRecentAuth, requireUser, requireWritable } from "@/lib/dal/session";
import { exportFileName } from "@/lib/export/http";

/**
 * Asked by the export page before it starts a download: the session may write (not a
 * support agent's read-only view) and the password was entered recently. If not, the page
 * shows the step-up dialog and asks again; the download route checks both once more.
 * Answers the newest export so far, so the page can tell the one it starts from older ones.
 */
export async function confirmExportAction(): Promise<ActionResult<{ since: string | null }>> {
  await requireUser();
  try {
    await requireWritable("export.request");
    await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
    const [newest] = await listMyExportHistory();
    return ok({ since: newest?.id ?? null });
  } catch (error) {
    return refusal(error);
  }
}

export type ExportProgressDTO = {
  status: "running" | "completed" | "failed";
  fileName: string | null;
  bytes: number | null;
  records: number | null;
  error: string | null;
};

/**
 * The export started after `since` (the page's download), as the history records it: running
 * while the browser saves it, then completed with size and records, or failed. Null until the
 * route has started it.
 */
export async function exportProgressAction(
  since: string | null,
): Promise<ActionResult<ExportProgressDTO | null>> {
  await requireUser();
  const [newest] = await listMyExportHistory();
  if (!newest || newest.id === since) return ok(null);
  return ok({
    status: newest.status,
    fileName: newest.format === "csv" ? null : exportFileName(newest.format, newest.startedAt),
    bytes: newest.sizeBytes,
    records: newest.rows,
    error: newest.error,
  });
}
