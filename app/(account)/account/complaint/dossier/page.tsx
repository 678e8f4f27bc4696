import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { DOSSIER_CSS, renderDossierBody } from "@/lib/requests/dossier-html";
import { myDossierInput } from "@/lib/requests/dossier-input";
import { PrintButton } from "./print-button";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.complaint.dossierPage");
  return { title: t("metaTitle") };
}

/**
 * The printable dossier. Its body is the same HTML the Download returns (rendered once, every
 * value escaped in lib/requests/dossier-html.ts); the print stylesheet hides the site around it.
 */
export default async function DossierPage() {
  const dossier = await myDossierInput();
  const t = await getTranslations("rights.complaint.dossierPage");
  return (
    <>
      <style>{DOSSIER_CSS}</style>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">{t("title")}</h1>
      <div className="no-print my-4 flex flex-wrap items-center gap-3">
        <PrintButton label={t("print")} />
        <a
          href="/api/complaint/dossier"
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50"
        >
          {t("download")}
        </a>
        <Link href="/account/complaint" className="text-sm">
          {t("how")}
        </Link>
      </div>
      <div
        className="rounded-lg border border-slate-200 bg-white p-4 sm:p-6"
        // Escaped by renderDossierBody: the same markup as the downloaded file.
        dangerouslySetInnerHTML={{ __html: renderDossierBody(dossier) }}
      />
    </>
  );
}
