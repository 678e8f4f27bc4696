// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/printers/status/batch: up to 1,000 status events, all or nothing (printers:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiStatusBatch } from "@/lib/dal/ingest/printers";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "printers:write",
  batch: true,
  body: schemas.statusBatch,
  handler: ({ ingest, body }) => addApiStatusBatch(ingest, body),
});
