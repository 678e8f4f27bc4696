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
