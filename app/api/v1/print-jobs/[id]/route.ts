// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// PATCH /api/v1/print-jobs/{id}: status, times and temperatures of the holder's job (print-jobs:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { updateApiPrintJob } from "@/lib/dal/ingest/print-jobs";

export const dynamic = "force-dynamic";

export const PATCH = apiRoute({
  scope: "print-jobs:write",
  params: schemas.idParams,
  body: schemas.printJobPatch,
  handler: ({ ingest, params, body }) => updateApiPrintJob(ingest, params.id, body),
});
