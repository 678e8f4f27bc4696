import { organisation } from "@/lib/organisation";

/**
 * Public on purpose: the Global Privacy Control well-known resource tells browsers and checkers
 * that this site honours GPC (https://privacycg.github.io/gpc-spec/). It reads nothing personal.
 */
export function GET() {
  return Response.json(
    { gpc: true, lastUpdate: organisation.gpcLastUpdate },
    { headers: { "cache-control": "public, max-age=86400" } },
  );
}
