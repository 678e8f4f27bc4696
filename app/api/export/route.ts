// GET /api/export: the whole portability export. Not public: withSession below refuses a
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
import { exportQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/**
 * GET /api/export?format=json|zip&categories=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD — the
 * portability export. It writes the export history, so only this site's export page may start
 * it (a link on another site must not), within the step-up window.
 */
export const GET = backToExportPage(
  withSession(
    async (request) => {
      const parsed = exportQuerySchema.safeParse(
        Object.fromEntries(new URL(request.url).searchParams),
      );
      if (!parsed.success) throw invalidParams(parsed.error);
      const opened = await openMyExport(parsed.data, request.signal);
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
