// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// GET /api/v1/printers: the token holder's printers (printers:read).
import { apiRoute } from "@/lib/api/v1/route";
import { listApiPrinters } from "@/lib/dal/ingest/printers";

export const dynamic = "force-dynamic";

export const GET = apiRoute({
  scope: "printers:read",
  handler: async ({ token }) => ({ status: 200, body: await listApiPrinters(token) }),
});
