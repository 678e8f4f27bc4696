// Not public: apiRoute (lib/api/v1/route.ts) authenticates the bearer access token and checks
// its scope before anything is read or written; the DAL acts only on that token's holder.
// POST /api/v1/cura/profiles/{profileName}/versions: a new version of a Cura profile (cura:write).
import { apiRoute } from "@/lib/api/v1/route";
import { schemas } from "@/lib/api/v1/schemas";
import { addApiCuraVersion } from "@/lib/dal/ingest/cura-diagnostics";

export const dynamic = "force-dynamic";

export const POST = apiRoute({
  scope: "cura:write",
  params: schemas.profileParams,
  body: schemas.curaVersion,
  handler: ({ ingest, params, body }) => addApiCuraVersion(ingest, params.profileName, body),
});
