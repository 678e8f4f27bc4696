// GET /api/v1/openapi.json: the OpenAPI 3.1 document of the ingestion API. Public on purpose:
// it describes the API and holds no data.
import { buildOpenApiDocument } from "@/lib/api/v1/openapi";
import { env } from "@/lib/env";

export const dynamic = "force-dynamic";

export async function GET() {
  return Response.json(buildOpenApiDocument(env.APP_URL), {
    headers: { "cache-control": "public, max-age=300" },
  });
}
