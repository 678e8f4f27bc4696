// GET /api/complaint/dossier: the holder's complaint dossier as a standalone .html file. Not
// public: withSession refuses a signed-out visitor; the DAL reads only the session's own
// requests. A read: a support view may download what it may already see on the page.
import { withSession } from "@/lib/http/with-session";
import { renderDossierDocument } from "@/lib/requests/dossier-html";
import { myDossierInput } from "@/lib/requests/dossier-input";

export const dynamic = "force-dynamic";

export const GET = withSession(async () => {
  const dossier = await myDossierInput();
  const day = dossier.generatedAt.toISOString().slice(0, 10);
  return new Response(renderDossierDocument(dossier), {
    headers: {
      "content-type": "text/html; charset=utf-8",
      "content-disposition": `attachment; filename="privacy-requests-dossier-${day}.html"`,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
    },
  });
});
