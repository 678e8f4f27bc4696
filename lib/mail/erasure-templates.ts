import type { Locale } from "@/lib/i18n/config";
import { organisation } from "@/lib/organisation";
import type { ReceiptLine } from "@/lib/erasure/plan";
import { mailTranslator } from "./i18n";
import { appLink, formatTime, greeting, renderMail, signOff, type MailContent } from "./render";

const product = organisation.productName;

/** Where the "Keep my account" link in the mail leads; works without signing in. */
export const keepAccountPath = "/keep-account";

/** The account will be erased on `scheduledFor` unless the holder keeps it. */
export function erasureScheduledMail(p: {
  appUrl: string;
  name?: string | null;
  reference: string;
  scheduledFor: Date;
  token: string;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const at = formatTime(p.scheduledFor, locale);
  return renderMail(
    t("erasure.scheduled.subject", { product, at }),
    [
      greeting(p.name, locale),
      t("erasure.scheduled.body", { reference: p.reference, at }),
      t("erasure.scheduled.changed"),
      {
        href: appLink(p.appUrl, keepAccountPath, { token: p.token }),
        label: t("erasure.scheduled.button"),
      },
      t("erasure.scheduled.notYou"),
      signOff(locale),
    ],
    locale,
  );
}

/** The holder kept the account: the erasure request is cancelled. */
export function erasureCancelledMail(p: {
  name?: string | null;
  reference: string;
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  return renderMail(
    t("erasure.cancelled.subject", { product }),
    [
      greeting(p.name, locale),
      t("erasure.cancelled.body", { reference: p.reference }),
      signOff(locale),
    ],
    locale,
  );
}

/**
 * The itemised receipt, sent as the last thing before the account row goes. The language is
 * read before the erasure starts: by the time this is written the account row is about to go.
 */
export function erasureReceiptMail(p: {
  name?: string | null;
  reference: string;
  lines: ReceiptLine[];
  locale?: Locale;
}): MailContent {
  const locale = p.locale ?? "en";
  const t = mailTranslator(locale);
  const deleted = p.lines.filter((l) => l.action === "delete");
  const stayed = p.lines.filter((l) => l.action !== "delete");
  return renderMail(
    t("erasure.receipt.subject", { product }),
    [
      greeting(p.name, locale),
      t("erasure.receipt.body", { reference: p.reference }),
      `${t("erasure.receipt.deleted")}\n` +
        deleted.map((l) => t("erasure.receipt.line", { table: l.table, rows: l.rows })).join("\n"),
      `${t("erasure.receipt.kept")}\n` +
        stayed
          .map((l) =>
            t("erasure.receipt.keptLine", {
              table: l.table,
              rows: l.rows,
              done: t(`erasure.receipt.done.${l.action === "keep" ? "keep" : "anonymise"}`),
              how: l.how ?? "",
              basis: l.basis ?? "",
            }),
          )
          .join("\n"),
      signOff(locale),
    ],
    locale,
  );
}
