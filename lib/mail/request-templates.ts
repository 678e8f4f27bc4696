import type { Locale } from "@/lib/i18n/config";
import { mailTranslator, requestWords } from "./i18n";
import {
  appLink,
  formatTime,
  greeting,
  oneLine,
  renderMail,
  signOff,
  type MailContent,
} from "./render";

/** Where a request is followed: the holder's tracker, or a visitor's signed tracker link. */
export function requestTrackerPath(p: { reference: string } | { trackToken: string }): string {
  return "trackToken" in p
    ? `/requests/track/${encodeURIComponent(p.trackToken)}`
    : `/account/requests/${encodeURIComponent(p.reference)}`;
}

/** A request kind in the recipient's words ("Get a copy of my data"); unknown kinds as is. */
function kindIn(locale: Locale, kind: string): string {
  const r = requestWords(locale);
  const key = `kind.${kind}.label` as Parameters<typeof r>[0];
  return r.has(key) ? r(key) : kind.replaceAll("_", " ");
}

/** The receipt: reference, what was asked, when the answer is due, where to follow it. */
export function requestReceivedMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: string;
  dueAt: Date;
  dueDays: number;
  trackerPath: string;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("request.received.subject", { reference: p.reference }),
    [
      greeting(p.name, locale),
      t("request.received.what", { kind: kindIn(locale, p.kind), reference: p.reference }),
      t("request.received.due", {
        dueIn: t("common.dueIn", { days: p.dueDays }),
        dueAt: formatTime(p.dueAt, locale),
      }),
      { href: appLink(p.appUrl, p.trackerPath), label: t("request.received.follow") },
      t("request.received.can"),
      signOff(locale),
    ],
    locale,
  );
}

export function requestCancelledMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  kind: string;
  trackerPath: string;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("request.cancelled.subject", { reference: p.reference }),
    [
      greeting(p.name, locale),
      t("request.cancelled.what", { kind: kindIn(locale, p.kind), reference: p.reference }),
      { href: appLink(p.appUrl, p.trackerPath), label: t("request.cancelled.see") },
      t("request.cancelled.again"),
      signOff(locale),
    ],
    locale,
  );
}

/**
 * The public form's confirmation link. Same text whether or not the address has an account: the
 * request is linked to the address only, so only its owner can start it. In the language the
 * visitor used the form in.
 */
export function confirmPublicRequestMail(p: {
  appUrl: string;
  token: string;
  kind: string;
  expiresInHours: number;
  dueDays: number;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("request.confirm.subject"),
    [
      greeting(null, locale),
      t("request.confirm.what", { kind: oneLine(kindIn(locale, p.kind)) }),
      t("request.confirm.how", {
        hours: p.expiresInHours,
        dueIn: t("common.dueIn", { days: p.dueDays }),
      }),
      {
        href: appLink(p.appUrl, "/requests/verify", { token: p.token }),
        label: t("request.confirm.button"),
      },
      t("request.confirm.ignore"),
      signOff(locale),
    ],
    locale,
  );
}
