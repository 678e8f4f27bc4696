import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import type { RequestKind } from "@/lib/requests/clock";
import { formatDate } from "@/lib/format";
import { mailTranslator, requestWords } from "./i18n";
import { appLink, greeting, renderMail, signOff, type MailContent } from "./render";

/**
 * The holder hears from us before the due date even when nobody has answered yet: the request
 * is not forgotten, and this is the date by which they will have an answer. A holder with an
 * account gets a link to the request's page; a visitor has only the reference to quote.
 */
export function requestReminderMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: RequestKind;
  dueAt: Date;
  /** Path of the request's page for a signed-in holder; none for a visitor. */
  path?: string | null;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const words = requestWords(locale)(`kind.${p.kind}.words`);
  return renderMail(
    t("reminder.subject", { reference: p.reference }),
    [
      greeting(p.name, locale),
      t("reminder.body", {
        words,
        reference: p.reference,
        date: formatDate(p.dueAt, { locale }),
      }),
      ...(p.path ? [{ href: appLink(p.appUrl, p.path), label: t("reminder.see") }] : []),
      t("reminder.questions", { contact: organisation.contactEmail, reference: p.reference }),
      signOff(locale, "regards"),
    ],
    locale,
  );
}

/**
 * The morning digest for staff: every open request past its due date, by reference and kind
 * only (no names or addresses: the queue shows who, to those allowed to see it). In the staff
 * member's own account language.
 */
export function overdueDigestMail(p: {
  appUrl: string;
  name?: string | null;
  overdue: { id: string; reference: string; kind: RequestKind; dueAt: Date }[];
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const r = requestWords(locale);
  const count = p.overdue.length;
  return renderMail(
    t("reminder.digest.subject", { count }),
    [
      greeting(p.name, locale),
      t("reminder.digest.body", { count }),
      ...p.overdue.map((o) => ({
        href: appLink(p.appUrl, `/support/requests/${o.id}`),
        label: t("reminder.digest.item", {
          reference: o.reference,
          kind: r(`kind.${o.kind}.label`),
          date: formatDate(o.dueAt, { locale }),
        }),
      })),
      signOff(locale, "regards"),
    ],
    locale,
  );
}
