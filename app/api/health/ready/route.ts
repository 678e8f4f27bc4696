// Public on purpose: readiness for load balancers. 200 only when the database answers, every
// migration of this build is applied and the instance is not shutting down; else 503, so the
// balancer sends requests elsewhere. Reveals only counts, never data.
import { checkReadiness } from "@/lib/dal/health";
import { log } from "@/lib/log";
import { isShuttingDown } from "@/lib/server/lifecycle";

export const dynamic = "force-dynamic";

export async function GET() {
  const shuttingDown = isShuttingDown();
  const { database, migrationsPending } = await checkReadiness();
  const ready = !shuttingDown && database && migrationsPending === 0;
  const body = {
    status: ready ? "ready" : "unavailable",
    database: database ? "ok" : "unavailable",
    migrationsPending,
    shuttingDown,
  };
  // Debug only (load balancers poll this often); e2e/multi reads it to see that the request id
  // reaches a route handler's log lines.
  log[ready ? "debug" : "warn"]("readiness checked", body);
  return Response.json(body, {
    status: ready ? 200 : 503,
    headers: { "cache-control": "no-store" },
  });
}
