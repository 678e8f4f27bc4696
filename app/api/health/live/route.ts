// Public on purpose: liveness for the container runtime. The process answers; nothing else is
// checked (a database outage must not get healthy instances restarted). Reveals no data.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ status: "ok" }, { headers: { "cache-control": "no-store" } });
}
