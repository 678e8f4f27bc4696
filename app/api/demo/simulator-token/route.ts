// Not public: withSession below requires a signed-in, writable, same-origin session, and the
// DAL (createDemoSimulatorToken) refuses everywhere but development and DEMO_MODE, with a 404.
// `npm run simulate -- --demo` signs in as the demo holder, whose password is published, and
// asks here for a fresh printer token. A session route rather than the simulator opening the
// database itself, because the embedded database belongs to the running app's process alone.
import { NextResponse } from "next/server";
import { createDemoSimulatorToken } from "@/lib/dal/data/access-tokens";
import { withSession } from "@/lib/http/with-session";

export const dynamic = "force-dynamic";

/** POST /api/demo/simulator-token → { secret, prefix }: the secret is in this answer only. */
export const POST = withSession(
  async () => {
    const { secret, prefix } = await createDemoSimulatorToken();
    return NextResponse.json({ secret, prefix }, { headers: { "cache-control": "no-store" } });
  },
  { writable: "demo simulator token", sameOrigin: true },
);
