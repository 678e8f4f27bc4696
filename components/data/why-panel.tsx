import { getLocale, getTranslations } from "next-intl/server";
import type { DataCategory } from "@/lib/catalog";
import { legalBasisText, localizeCategory } from "@/lib/catalog/i18n";
import { isLocale } from "@/lib/i18n/config";
import { getViewerFormat } from "@/lib/i18n/server";
import { effectiveRetention, purgeDate } from "@/lib/retention/policy";

/**
 * "Why we have this", straight from the data catalog (in the viewer's language), with the date
 * the oldest item we hold will be purged, so the retention rule is concrete. The date comes
 * from the same function the retention job uses (lib/retention/policy.ts), with the holder's
 * auto-delete choice when it is shorter than the catalog's period.
 *
 * On a phone the panel is one line (a <details>, closed) so the data comes first; from 640 px
 * on it is open. Both are rendered and CSS picks one: no JavaScript, nothing to hydrate, and
 * the hidden copy (display: none) is invisible to screen readers too.
 */
export async function WhyPanel({
  category: given,
  oldest,
  chosenMonths = null,
  now = new Date(),
}: {
  category: DataCategory;
  oldest: Date | null;
  chosenMonths?: number | null;
  /** Server-rendered only: the panel never hydrates, so server and browser cannot disagree. */
  now?: Date;
}) {
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const category = localizeCategory(given, locale);
  const t = await getTranslations("data.why");
  const f = await getViewerFormat();
  const effective = effectiveRetention(given, chosenMonths);
  const purge = oldest ? purgeDate(given, oldest, chosenMonths) : null;
  const facts = (
    <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
      <dt className="font-medium">{t("purpose")}</dt>
      <dd>{category.purpose}</dd>
      <dt className="font-medium">{t("legalBasis")}</dt>
      <dd>{legalBasisText(category.legalBasis, locale)}</dd>
      <dt className="font-medium">{t("retention")}</dt>
      <dd>
        {effective.chosenMonths ? (
          <>
            <strong>{t("chosen", { months: effective.chosenMonths })}</strong>{" "}
            {t("without", { text: category.retention.description })}
          </>
        ) : (
          category.retention.description
        )}
        {purge && purge.getTime() > now.getTime() && (
          <> {t.rich("purgeOn", { date: f.date(purge), strong: (c) => <strong>{c}</strong> })}</>
        )}
        {purge && purge.getTime() <= now.getTime() && <> {t("pastPeriod")}</>}
      </dd>
      <dt className="font-medium">{t("recipients")}</dt>
      <dd>{category.recipients.join("; ")}</dd>
      <dt className="font-medium">{t("source")}</dt>
      <dd>{category.source}</dd>
    </dl>
  );
  return (
    <section
      aria-label={t("title")}
      className="rounded-lg border border-brand-100 bg-brand-50 text-sm"
    >
      <details className="group sm:hidden">
        <summary className="flex min-h-11 cursor-pointer items-center gap-2 px-4 py-2">
          <h2 className="shrink-0 font-semibold whitespace-nowrap">{t("title")}</h2>
          <span className="min-w-0 truncate text-slate-700">
            {legalBasisText(category.legalBasis, locale)}
          </span>
        </summary>
        <div className="px-4 pb-4">{facts}</div>
      </details>
      <div className="hidden p-6 sm:block">
        <h2 className="mb-3 text-lg font-semibold">{t("title")}</h2>
        {facts}
      </div>
    </section>
  );
}
