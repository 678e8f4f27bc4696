// GET /api/export/csv/<category>: one category as CSV. Not public: withSession below refuses a
// cross-site request, a signed-out or read-only session and a stale sign-in (step-up) before
// anything is read; the DAL scopes every row to the session's own user.
import { env } from "@/lib/env";
import { openMyExport } from "@/lib/dal/export";
import {
  backToExportPage,
  downloadResponse,
  EXPORT_SIGNED_OUT,
  exportRefusal,
  invalidParams,
} from "@/lib/export/http";
import { withSession } from "@/lib/http/with-session";
import { csvQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** GET /api/export/csv/<category>?table=…&from=…&to=… — one table of one category as CSV. */
export const GET = backToExportPage(
  withSession<{ params: Promise<{ category: string }> }>(
    async (request, _session, context) => {
      const { category } = await context.params;
      const parsed = csvQuerySchema.safeParse({
        ...Object.fromEntries(new URL(request.url).searchParams),
        category,
      });
      if (!parsed.success) throw invalidParams(parsed.error);
      const { table, from, to } = parsed.data;
      const opened = await openMyExport(
        { format: "csv", categories: [parsed.data.category], table, from, to },
        request.signal,
      );
      if (!opened.ok) throw exportRefusal(opened);
      return downloadResponse(opened);
    },
    {
      sameOrigin: true,
      writable: "export.request",
      recentAuthMinutes: env.EXPORT_REAUTH_MINUTES,
      signedOutMessage: EXPORT_SIGNED_OUT,
    },
  ),
);
