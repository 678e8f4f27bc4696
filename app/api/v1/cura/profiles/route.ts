// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// GET /api/v1/cura/profiles: the latest version of each of the holder's profiles (cura:read).
import { apiRoute } from "@/lib/api/v1/route";
import { listApiCuraProfiles } from "@/lib/dal/ingest/cura-diagnostics";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  scope: "cura:read",
  handler: async ({ token }) => ({ status: 200, body: await listApiCuraProfiles(token) }),
});
