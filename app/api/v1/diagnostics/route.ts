// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// /api/v1/diagnostics: POST one bundle (diagnostics:write; 202 and dropped while the holder
// objects); GET the holder's bundles, newest first (diagnostics:read).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiDiagnostics, listApiDiagnostics } from "@/lib/dal/ingest/cura-diagnostics";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "diagnostics:write",
  body: schemas.diagnostic,
  handler: ({ ingest, body }) => addApiDiagnostics(ingest, [body], false),
});

export const GET = apiRoute({
  scope: "diagnostics:read",
  query: schemas.pageQuery,
  handler: async ({ token, query }) => ({
    status: 200,
    body: await listApiDiagnostics(token, query),
  }),
});
