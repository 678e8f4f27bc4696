import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { cookieVendors, type CookieCategory } from "@/lib/catalog";
import { getLocalizedCategories, legalBasisText } from "@/lib/catalog/i18n";
import { organisation } from "@/lib/organisation";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("public.policy");
  return { title: t("title") };
}

const rights = ["access", "correct", "restrict", "portability", "object", "withdraw"] as const;
const cookieCategories: CookieCategory[] = ["functional", "analytics", "advertising"];

/**
 * The privacy statement, generated from the same catalog the app runs on. The page's own words
 * are in messages/<lang>/public.json; the catalog's texts (purposes, retention…) come from
 * messages/<lang>/catalog.json through lib/catalog/i18n.
 */
export default async function PolicyPage() {
  const t = await getTranslations("public.policy");
  const tc = await getTranslations("consent.categories");
  // A calendar date (no time of day): the same day in every zone.
  const locale = await getLocale();
  const categories = getLocalizedCategories(locale);
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "UTC" });
  const vendorGroups = cookieCategories.map((category) => ({
    category,
    vendors: cookieVendors.filter((v) => v.category === category),
  }));
  return (
    <article className="prose-sm max-w-3xl space-y-8">
      <header className="space-y-2">
        <h1 className="text-3xl font-bold">{t("title")}</h1>
        <p className="text-slate-700">
          {t("controller", {
            company: organisation.name,
            address: organisation.address,
            version: organisation.policyVersion,
          })}
        </p>
      </header>

      <section aria-labelledby="what" className="space-y-4">
        <h2 id="what" className="text-xl font-semibold">
          {t("whatTitle")}
        </h2>
        {categories.map((c) => (
          <section
            key={c.id}
            aria-labelledby={`cat-${c.id}`}
            className="rounded-lg border border-slate-200 bg-white p-4"
          >
            <h3 id={`cat-${c.id}`} className="font-semibold">
              {c.title}
            </h3>
            <p className="text-sm text-slate-700">{c.summary}</p>
            <dl className="mt-3 grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[10rem_1fr]">
              <dt className="font-medium">{t("fields.purpose")}</dt>
              <dd>{c.purpose}</dd>
              <dt className="font-medium">{t("fields.basis")}</dt>
              <dd>{legalBasisText(c.legalBasis, locale)}</dd>
              <dt className="font-medium">{t("fields.retention")}</dt>
              <dd>{c.retention.description}</dd>
              <dt className="font-medium">{t("fields.recipients")}</dt>
              <dd>{c.recipients.join("; ")}</dd>
              <dt className="font-medium">{t("fields.source")}</dt>
              <dd>{c.source}</dd>
              <dt className="font-medium">{t("fields.what")}</dt>
              <dd>
                {c.tables
                  .flatMap((table) => table.fields.map((f) => f.description.toLowerCase()))
                  .join(", ")}
              </dd>
            </dl>
          </section>
        ))}
      </section>

      <section aria-labelledby="rights" className="space-y-2">
        <h2 id="rights" className="text-xl font-semibold">
          {t("rightsTitle")}
        </h2>
        <p>{t("youMay")}</p>
        <ul className="list-disc pl-6">
          {rights.map((r) => (
            <li key={r}>{t(`rights.${r}`)}</li>
          ))}
          <li>
            {t.rich("rights.complain", {
              authority: () => (
                <a href={organisation.supervisoryAuthority.url}>
                  {organisation.supervisoryAuthority.name}
                </a>
              ),
            })}
          </li>
        </ul>
        <p>
          {t.rich("howToAsk", {
            mail: () => (
              <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
            ),
            days: organisation.responseDeadlineDays,
            grace: organisation.erasureGraceDays,
          })}
        </p>
      </section>

      <section aria-labelledby="cookies" className="space-y-4">
        <h2 id="cookies" className="text-xl font-semibold">
          {t("cookiesTitle")}
        </h2>
        <p>{t("cookiesLead")}</p>
        <section aria-labelledby="cookies-own">
          <h3 id="cookies-own" className="font-semibold">
            {t("ownCookiesTitle")}
          </h3>
          <p className="text-sm text-slate-700">{t("ownCookiesLead")}</p>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm">
            {(["session", "csrf", "consent", "locale", "timeZone"] as const).map((k) => (
              <li key={k}>{t(`ownCookies.${k}`)}</li>
            ))}
          </ul>
        </section>
        {vendorGroups.map(({ category, vendors }) => (
          <section key={category} aria-labelledby={`cookies-${category}`}>
            <h3 id={`cookies-${category}`} className="font-semibold">
              {tc(`${category}.title`)}
            </h3>
            <p className="text-sm text-slate-700">{tc(`${category}.description`)}</p>
            <ul className="mt-2 space-y-2 text-sm">
              {vendors.map((v) => (
                <li key={v.id}>
                  <span className="font-medium">{v.name}</span> ({v.company}): {v.purpose}
                  {v.cookies.length > 0 && (
                    <>
                      {" "}
                      {t("vendorCookies", {
                        list: v.cookies.map((c) => `${c.name} (${c.lifetime})`).join(", "),
                      })}
                    </>
                  )}
                  {v.retired && (
                    <>
                      {" "}
                      {t("retired", {
                        since: day.format(new Date(`${v.retired.since}T00:00:00Z`)),
                        note: v.retired.note,
                      })}
                    </>
                  )}
                </li>
              ))}
            </ul>
          </section>
        ))}
      </section>
    </article>
  );
}
