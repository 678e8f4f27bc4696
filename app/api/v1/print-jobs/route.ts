// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// /api/v1/print-jobs: POST one job with materials and samples (print-jobs:write); GET the
// token holder's jobs, newest first, keyset-paginated (print-jobs:read).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { createApiPrintJob, listApiPrintJobs } from "@/lib/dal/ingest/print-jobs";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "print-jobs:write",
  body: schemas.printJob,
  handler: ({ ingest, body }) => createApiPrintJob(ingest, body),
});

export const GET = apiRoute({
  scope: "print-jobs:read",
  query: schemas.pageQuery,
  handler: async ({ token, query }) => ({
    status: 200,
    body: await listApiPrintJobs(token, query),
  }),
});
