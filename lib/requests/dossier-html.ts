import { formatDate, formatDateTime } from "@/lib/format";
import type { RequestKind, RequestStatus } from "./clock";
import { eventLabel, kindLabel, statusLabel } from "./kinds";

/**
 * The complaint dossier as HTML, rendered once here so that the page and the downloaded .html
 * file are the same document. Pure and string-based on purpose: the download must stand alone
 * (no app CSS or script). Every value goes through `esc`.
 */

export type DossierInput = {
  holder: { name: string; email: string };
  generatedAt: Date;
  authority: { name: string; url: string };
  organisation: { name: string; contactEmail: string };
  requests: {
    reference: string;
    kind: RequestKind;
    status: RequestStatus;
    details: string | null;
    createdAt: Date;
    dueAt: Date;
    extendedAt: Date | null;
    extensionReason: string | null;
    closedAt: Date | null;
    overdue: boolean;
    events: { kind: string; note: string | null; occurredAt: Date; by: string }[];
  }[];
};

const by: Record<string, string> = { you: "you", us: "us", unknown: "—" };

export function esc(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** The document body: headings, one section per request, a table per timeline. */
export function renderDossierBody(d: DossierInput): string {
  const requests = d.requests.length
    ? d.requests
        .map((r) => {
          const events = r.events
            .map(
              (e) =>
                `<tr><td>${esc(formatDateTime(e.occurredAt))}</td><td>${esc(eventLabel(e.kind))}</td><td>${esc(by[e.by] ?? e.by)}</td><td>${e.note ? esc(e.note) : ""}</td></tr>`,
            )
            .join("");
          return `<section class="dossier-request" aria-labelledby="req-${esc(r.reference)}">
<h3 id="req-${esc(r.reference)}">${esc(r.reference)}: ${esc(kindLabel(r.kind))}</h3>
<dl>
<dt>Status</dt><dd>${esc(statusLabel(r.status))}${r.overdue ? " — overdue" : ""}</dd>
<dt>Received</dt><dd>${esc(formatDateTime(r.createdAt))}</dd>
<dt>Answer due by</dt><dd>${esc(formatDate(r.dueAt))}</dd>
${r.extendedAt ? `<dt>Extended</dt><dd>${esc(formatDateTime(r.extendedAt))}${r.extensionReason ? `: ${esc(r.extensionReason)}` : ""}</dd>` : ""}
${r.closedAt ? `<dt>Closed</dt><dd>${esc(formatDateTime(r.closedAt))}</dd>` : ""}
${r.details ? `<dt>What was asked</dt><dd>${esc(r.details)}</dd>` : ""}
</dl>
<table><caption>Timeline of ${esc(r.reference)}</caption>
<thead><tr><th scope="col">When</th><th scope="col">What happened</th><th scope="col">By</th><th scope="col">Message or answer</th></tr></thead>
<tbody>${events}</tbody></table>
</section>`;
        })
        .join("\n")
    : "<p>You have made no privacy requests with this account.</p>";
  return `<article class="dossier">
<h2>Dossier of privacy requests</h2>
<p>For: ${esc(d.holder.name)} (${esc(d.holder.email)}). Made ${esc(formatDateTime(d.generatedAt))} by ${esc(d.organisation.name)}'s Privacy Center.</p>
<p>Supervisory authority: ${esc(d.authority.name)} (${esc(d.authority.url)}). Our privacy contact: ${esc(d.organisation.contactEmail)}.</p>
<p>${d.requests.length} ${d.requests.length === 1 ? "request" : "requests"}, newest first. Times are in UTC.</p>
${requests}
</article>`;
}

export const DOSSIER_CSS = `
.dossier { font-family: system-ui, sans-serif; line-height: 1.4; color: #0f172a; }
.dossier table { border-collapse: collapse; width: 100%; margin: 0.5rem 0 1.5rem; font-size: 0.875rem; }
.dossier caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.dossier th, .dossier td { border: 1px solid #cbd5e1; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
.dossier dl { display: grid; grid-template-columns: max-content 1fr; gap: 0.125rem 1rem; margin: 0.5rem 0; }
.dossier dt { font-weight: 600; }
.dossier dd { margin: 0; }
.dossier h2 { font-size: 1.5rem; font-weight: 700; margin: 0 0 0.5rem; }
.dossier h3 { font-size: 1.125rem; font-weight: 600; margin: 1.5rem 0 0.25rem; }
.dossier-request { break-inside: avoid-page; }
@media print {
  body > *:not(main), header, nav, footer, .no-print { display: none !important; }
  .dossier { font-size: 11pt; }
  a { color: inherit; }
}
`;

/** The whole standalone file the Download button returns. */
export function renderDossierDocument(d: DossierInput): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Dossier of privacy requests — ${esc(d.holder.name)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${DOSSIER_CSS} body { margin: 2rem; }</style></head>
<body><main>${renderDossierBody(d)}</main></body></html>
`;
}
