import type { Metadata } from "next";
import Link from "next/link";
import { DOSSIER_CSS, renderDossierBody } from "@/lib/requests/dossier-html";
import { myDossierInput } from "@/lib/requests/dossier-input";
import { PrintButton } from "./print-button";

export const metadata: Metadata = { title: "Dossier of privacy requests" };

/**
 * The printable dossier. Its body is the same HTML the Download returns (rendered once, every
 * value escaped in lib/requests/dossier-html.ts); the print stylesheet hides the site around it.
 */
export default async function DossierPage() {
  const dossier = await myDossierInput();
  return (
    <>
      <style>{DOSSIER_CSS}</style>
      <h1 className="text-2xl font-bold tracking-tight sm:text-3xl">
        Your dossier for a complaint
      </h1>
      <div className="no-print my-4 flex flex-wrap items-center gap-3">
        <PrintButton />
        <a
          href="/api/complaint/dossier"
          download
          className="inline-flex min-h-10 items-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-800 no-underline hover:bg-slate-50"
        >
          Download as HTML
        </a>
        <Link href="/account/complaint" className="text-sm">
          How to complain
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
