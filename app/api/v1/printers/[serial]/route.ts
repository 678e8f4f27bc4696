// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// PUT /api/v1/printers/{serial}: registers or updates the token holder's printer (printers:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { putApiPrinter } from "@/lib/dal/ingest/printers";

export const dynamic = "force-dynamic";

export const PUT = apiRoute({
  scope: "printers:write",
  params: schemas.serialParams,
  body: schemas.printerPut,
  handler: ({ ingest, params, body }) => putApiPrinter(ingest, params.serial, body),
});
