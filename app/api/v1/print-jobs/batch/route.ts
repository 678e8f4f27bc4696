// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/print-jobs/batch: up to 500 jobs, all or nothing (print-jobs:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { createApiPrintJobs } from "@/lib/dal/ingest/print-jobs";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "print-jobs:write",
  batch: true,
  body: schemas.printJobBatch,
  handler: ({ ingest, body }) => createApiPrintJobs(ingest, body.jobs),
});
