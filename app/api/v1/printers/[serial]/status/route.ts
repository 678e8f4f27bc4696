// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/printers/{serial}/status: one status event of the holder's printer (printers:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiStatusEvent } from "@/lib/dal/ingest/printers";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "printers:write",
  params: schemas.serialParams,
  body: schemas.statusEvent,
  handler: ({ ingest, params, body }) => addApiStatusEvent(ingest, params.serial, body),
});
