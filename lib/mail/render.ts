import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import { mailTranslator } from "./i18n";
import { formatLongDateTime } from "@/lib/format";

export type MailContent = { subject: string; text: string; html: string };

/** A paragraph of plain text, or a link shown as a button (HTML) / a bare URL (text). */
export type Block = string | { href: string; label: string };

/** Escapes text for HTML element content and double- or single-quoted attribute values. */
export function escapeHtml(value: string): string {
  return value
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&#39;");
}

/**
 * Strips control characters (CR/LF above all) from a value going into a subject or a single
 * line, so a display name cannot start a new header or fake a paragraph.
 */
export function oneLine(value: string): string {
  return value.replace(/[\u0000-\u001f\u007f]+/g, " ").trim();
}

/** `appUrl` + path, keeping a base path in appUrl (https://example.com/privacy). */
export function appLink(appUrl: string, path: string, query: Record<string, string> = {}): string {
  const url = new URL(appUrl.replace(/\/+$/, "") + path);
  for (const [key, value] of Object.entries(query)) url.searchParams.set(key, value);
  return url.toString();
}

/**
 * Dates in mail are spelled out in UTC, labelled so, in the recipient's language: the reader's
 * time zone is unknown.
 */
export function formatTime(date: Date, locale: Locale = "en"): string {
  return formatLongDateTime(date, { locale });
}

export function greeting(name?: string | null, locale: Locale = "en"): string {
  const clean = name ? oneLine(name) : "";
  const t = mailTranslator(locale);
  return clean ? t("common.greetingNamed", { name: clean }) : t("common.greeting");
}

/** "Thank you, / The … privacy team" (or "Kind regards"), in the recipient's language. */
export function signOff(locale: Locale = "en", closing: "thanks" | "regards" = "thanks"): string {
  return mailTranslator(locale)(`common.signOff.${closing}`, { team: organisation.shortName });
}

const footer = `${organisation.productName} · ${organisation.name} · ${organisation.address}`;

/**
 * Builds the text and HTML bodies from the same blocks, so the two never disagree. Every value
 * is escaped here and only here; templates never write HTML themselves. No images or web fonts:
 * they would be fetched from elsewhere and tell a third party the mail was opened.
 */
export function renderMail(subject: string, blocks: Block[], locale: Locale = "en"): MailContent {
  const t = mailTranslator(locale);
  const text = [
    ...blocks.map((b) => (typeof b === "string" ? b : `${b.label}:\n${b.href}`)),
    `-- \n${footer}`,
  ].join("\n\n");

  const body = blocks
    .map((b) =>
      typeof b === "string"
        ? `<p style="margin:0 0 16px">${escapeHtml(b).replace(/\n/g, "<br>")}</p>`
        : `<p style="margin:0 0 16px"><a href="${escapeHtml(b.href)}" ` +
          `style="display:inline-block;padding:10px 16px;background:#1d4ed8;color:#ffffff;` +
          `text-decoration:none;` +
          `border-radius:6px">${escapeHtml(b.label)}</a></p>` +
          `<p style="margin:0 0 16px;font-size:13px;color:#555555">` +
          `${escapeHtml(t("common.copyAddress"))}<br>${escapeHtml(b.href)}</p>`,
    )
    .join("\n");
  const html =
    `<!doctype html>\n<html lang="${locale}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(oneLine(subject))}</title></head>\n` +
    `<body style="margin:0;padding:24px;font-family:system-ui,-apple-system,'Segoe UI',` +
    `sans-serif;font-size:15px;line-height:1.5;color:#111111;background:#ffffff">\n` +
    `<div style="max-width:560px">\n${body}\n` +
    `<hr style="border:none;border-top:1px solid #dddddd;margin:24px 0">\n` +
    `<p style="margin:0;font-size:12px;color:#666666">${escapeHtml(footer)}</p>\n` +
    `</div>\n</body></html>\n`;

  return { subject: oneLine(subject), text, html };
}
