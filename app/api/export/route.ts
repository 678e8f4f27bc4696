import { env } from "@/lib/env";
import { getCurrentSession, requireRecentAuth, requireWritable } from "@/lib/dal/session";
import { openMyExport } from "@/lib/dal/export";
import {
  downloadResponse,
  guardProblem,
  invalidParams,
  refusedResponse,
  signedOut,
} from "@/lib/export/http";
import { exportQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** GET /api/export?format=json|zip&categories=a,b&from=YYYY-MM-DD&to=YYYY-MM-DD — the portability export. */
export async function GET(request: Request) {
  if (!(await getCurrentSession())) return signedOut();
  try {
    await requireWritable();
    await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
  } catch (error) {
    return guardProblem(error);
  }
  const parsed = exportQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return invalidParams(parsed.error);
  try {
    const opened = await openMyExport(parsed.data, request.signal);
    return opened.ok ? downloadResponse(opened) : refusedResponse(opened);
  } catch (error) {
    return guardProblem(error);
  }
}
