// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/print-jobs/{id}/samples: temperature samples sent during a print (print-jobs:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiSamples } from "@/lib/dal/ingest/print-jobs";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "print-jobs:write",
  params: schemas.idParams,
  body: schemas.samples,
  handler: ({ ingest, params, body }) => addApiSamples(ingest, params.id, body.samples),
});
