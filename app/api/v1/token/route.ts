// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// GET /api/v1/token: what the bearer token is (any valid token; no scope needed).
import { apiRoute } from "@/lib/api/v1/route";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  scope: null,
  handler: async ({ token }) => ({
    status: 200,
    body: { name: token.name, kind: token.kind, scopes: token.scopes, prefix: token.prefix },
  }),
});
