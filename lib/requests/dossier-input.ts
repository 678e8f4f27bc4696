import "server-only";
import { getMyDossier } from "@/lib/dal/requests/dossier";
import { env } from "@/lib/env";
import { viewerLocale } from "@/lib/i18n/server";
import { organisation } from "@/lib/organisation";
import type { DossierInput } from "./dossier-html";

/** The signed-in holder's dossier with the authority from config: what page and download render. */
export async function myDossierInput(): Promise<DossierInput> {
  const d = await getMyDossier();
  return {
    ...d,
    locale: await viewerLocale(),
    authority: { name: env.SUPERVISORY_AUTHORITY_NAME, url: env.SUPERVISORY_AUTHORITY_URL },
    organisation: { name: organisation.name, contactEmail: organisation.contactEmail },
  };
}
