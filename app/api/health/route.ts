// Public on purpose: load balancers and the test harness poll it. It reveals no data.
import { checkDatabase } from "@/lib/dal/health";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    const db = await checkDatabase();
    return Response.json({ status: "ok", database: db.engine });
  } catch {
    return Response.json({ status: "unavailable" }, { status: 503 });
  }
}
