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
import { csvQuerySchema } from "@/lib/validation/export";

export const dynamic = "force-dynamic";

/** GET /api/export/csv/<category>?table=…&from=…&to=… — one table of one category as CSV. */
export async function GET(request: Request, context: { params: Promise<{ category: string }> }) {
  if (!(await getCurrentSession())) return signedOut();
  try {
    await requireWritable();
    await requireRecentAuth(env.EXPORT_REAUTH_MINUTES);
  } catch (error) {
    return guardProblem(error);
  }
  const { category } = await context.params;
  const parsed = csvQuerySchema.safeParse({
    ...Object.fromEntries(new URL(request.url).searchParams),
    category,
  });
  if (!parsed.success) return invalidParams(parsed.error);
  const { table, from, to } = parsed.data;
  try {
    const opened = await openMyExport(
      { format: "csv", categories: [parsed.data.category], table, from, to },
      request.signal,
    );
    return opened.ok ? downloadResponse(opened) : refusedResponse(opened);
  } catch (error) {
    return guardProblem(error);
  }
}
