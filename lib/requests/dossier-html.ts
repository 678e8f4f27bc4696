import { createTranslator } from "use-intl/core";
import { requestWord } from "@/components/requests/words";
import { formatDate, formatDateTime } from "@/lib/format";
import type { Locale } from "@/lib/i18n/config";
import { messages } from "@/lib/i18n/messages";
import type { RequestKind, RequestStatus } from "./clock";

/**
 * The complaint dossier as HTML, rendered once here so that the page and the downloaded .html
 * file are the same document, in the holder's language. Pure and string-based on purpose: the
 * download must stand alone (no app CSS or script). Every value goes through `esc`. Times are
 * in UTC and say so: the file is read away from this site, perhaps by the authority.
 */

export type DossierInput = {
  locale: Locale;
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

export function esc(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

function wordsFor(locale: Locale) {
  const tr = createTranslator({ locale, messages: messages[locale], namespace: "requests" });
  const t = createTranslator({ locale, messages: messages[locale], namespace: "requests.dossier" });
  const who: Record<string, string> = { you: tr("who.you"), us: tr("who.team"), unknown: "—" };
  return { tr, t, who, o: { locale } };
}

/** The document body: headings, one section per request, a table per timeline. */
export function renderDossierBody(d: DossierInput): string {
  const { tr, t, who, o } = wordsFor(d.locale);
  const requests = d.requests.length
    ? d.requests
        .map((r) => {
          const events = r.events
            .map(
              (e) =>
                `<tr><td>${esc(formatDateTime(e.occurredAt, o))}</td><td>${esc(requestWord(tr, "event", e.kind))}</td><td>${esc(who[e.by] ?? e.by)}</td><td>${e.note ? esc(e.note) : ""}</td></tr>`,
            )
            .join("");
          return `<section class="dossier-request" aria-labelledby="req-${esc(r.reference)}">
<h3 id="req-${esc(r.reference)}">${esc(r.reference)}: ${esc(requestWord(tr, "kind", r.kind))}</h3>
<dl>
<dt>${esc(t("status"))}</dt><dd>${esc(requestWord(tr, "status", r.status))}${r.overdue ? ` — ${esc(t("overdue"))}` : ""}</dd>
<dt>${esc(t("received"))}</dt><dd>${esc(formatDateTime(r.createdAt, o))}</dd>
<dt>${esc(t("due"))}</dt><dd>${esc(formatDate(r.dueAt, o))}</dd>
${r.extendedAt ? `<dt>${esc(t("extended"))}</dt><dd>${esc(formatDateTime(r.extendedAt, o))}${r.extensionReason ? `: ${esc(r.extensionReason)}` : ""}</dd>` : ""}
${r.closedAt ? `<dt>${esc(t("closed"))}</dt><dd>${esc(formatDateTime(r.closedAt, o))}</dd>` : ""}
${r.details ? `<dt>${esc(t("asked"))}</dt><dd>${esc(r.details)}</dd>` : ""}
</dl>
<table><caption>${esc(t("timeline", { reference: r.reference }))}</caption>
<thead><tr><th scope="col">${esc(t("when"))}</th><th scope="col">${esc(t("what"))}</th><th scope="col">${esc(t("by"))}</th><th scope="col">${esc(t("message"))}</th></tr></thead>
<tbody>${events}</tbody></table>
</section>`;
        })
        .join("\n")
    : `<p>${esc(t("none"))}</p>`;
  const forLine = t("for", {
    name: d.holder.name,
    email: d.holder.email,
    when: formatDateTime(d.generatedAt, o),
    organisation: d.organisation.name,
  });
  const authority = t("authority", {
    name: d.authority.name,
    url: d.authority.url,
    contact: d.organisation.contactEmail,
  });
  return `<article class="dossier">
<h2>${esc(t("title"))}</h2>
<p>${esc(forLine)}</p>
<p>${esc(authority)}</p>
<p>${esc(t("count", { count: d.requests.length }))}</p>
${requests}
</article>`;
}

// Colours are inherited, so the page's dark mode applies; cells wrap anywhere, so a 320 px
// phone never scrolls sideways.
export const DOSSIER_CSS = `
.dossier { font-family: system-ui, sans-serif; line-height: 1.4; color: inherit; overflow-wrap: anywhere; }
.dossier table { border-collapse: collapse; width: 100%; table-layout: fixed; margin: 0.5rem 0 1.5rem; font-size: 0.875rem; }
.dossier caption { text-align: left; font-weight: 600; padding: 0.25rem 0; }
.dossier th, .dossier td { border: 1px solid rgb(148 163 184 / 0.6); padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
.dossier dl { display: grid; grid-template-columns: minmax(0, max-content) minmax(0, 1fr); gap: 0.125rem 1rem; margin: 0.5rem 0; }
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
  const { t } = wordsFor(d.locale);
  return `<!doctype html>
<html lang="${d.locale}"><head><meta charset="utf-8"><title>${esc(t("documentTitle", { name: d.holder.name }))}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>${DOSSIER_CSS} body { margin: 2rem; color: #0f172a; background: #fff; }</style></head>
<body><main>${renderDossierBody(d)}</main></body></html>
`;
}
