// Public on purpose: the JSON Schema of the export format, referenced from every export's
// manifest so that anyone holding an export can validate it. It describes, never contains, data.
import { env } from "@/lib/env";
import { exportJsonSchema } from "@/lib/export/schema";

export const dynamic = "force-dynamic";

export function GET() {
  return Response.json(exportJsonSchema(env.APP_URL), {
    headers: { "content-type": "application/schema+json", "cache-control": "public, max-age=3600" },
  });
}
