// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/diagnostics/batch: up to 100 bundles, all or nothing (diagnostics:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiDiagnostics } from "@/lib/dal/ingest/cura-diagnostics";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "diagnostics:write",
  batch: true,
  body: schemas.diagnosticBatch,
  handler: ({ ingest, body }) => addApiDiagnostics(ingest, body.bundles, true),
});
