// Public on purpose: it answers any browser, signed in or not, with three booleans about its own
// cookie (signed in, staff, support view) and nothing else, so the header can follow the session.
import { NextResponse } from "next/server";
import { getHeaderState } from "@/lib/dal/session";

export const dynamic = "force-dynamic";

/**
 * GET /api/session — which header links apply to this browser's session right now (signed in,
 * staff, support view). No personal data; the header asks on each client navigation so that a
 * session revoked elsewhere stops looking signed in.
 */
export async function GET() {
  return NextResponse.json(await getHeaderState(), {
    headers: { "cache-control": "no-store" },
  });
}
