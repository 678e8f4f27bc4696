"use server";
import { env } from "@/lib/env";
import { ok, refusal, type ActionResult } from "@/lib/actions";
import { requireRecentAuth, requireUser, requireWritable } from "@/lib/dal/session";

/**
 * Asked by the export page before it starts a download: the session may write (not a
 * support agent's read-only view) and the password was entered recently. If not, the page
 * shows the step-up dialog and asks again; the download route checks both once more.
 */
export async function confirmExportAction(): Promise<ActionResult<null>> {
  await requireUser();
  try {
    await requireWritable("export.request");
    await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
    return ok(null);
  } catch (error) {
    return refusal(error);
  }
}
