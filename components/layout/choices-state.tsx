import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { cookieVendors, type CookieCategory } from "@/lib/catalog/vendors";
import type { MarketingPreferencesDTO } from "@/lib/dal/marketing";
import type { SupportGrantDTO } from "@/lib/dal/support/grants";

const optional: CookieCategory[] = ["analytics", "advertising"];

/** What you allowed, at a glance: marketing email, cookies in this browser, support access now. */
export async function ChoicesState({
  prefs,
  cookies,
  grants,
}: {
  prefs: MarketingPreferencesDTO;
  cookies: Record<string, boolean> | null;
  grants: SupportGrantDTO[];
}) {
  const t = await getTranslations("overview.choices");
  const tc = await getTranslations("consent");
  const onOff = (on: boolean) => (on ? tc("current.on") : tc("current.off"));
  const categoryOn = (c: CookieCategory) =>
    cookieVendors.some((v) => v.category === c && !v.retired && cookies?.[v.id]);
  const box = "rounded-lg border border-slate-200 bg-white p-4";
  return (
    <section aria-labelledby="your-choices" className="space-y-3">
      <h2 id="your-choices" className="text-xl font-bold">
        {t("title")}
      </h2>
      <div className="grid gap-3 md:grid-cols-3">
        <section aria-labelledby="choice-mail" className={box}>
          <h3 id="choice-mail" className="font-semibold">
            {t("mail")}
          </h3>
          <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-sm">
            <dt>{tc("flags.newsletter")}</dt>
            <dd className="font-medium">{tc(`newsletter.${prefs.newsletter}`)}</dd>
            <dt>{tc("flags.open_tracking")}</dt>
            <dd className="font-medium">{onOff(prefs.openTracking)}</dd>
            <dt>{tc("flags.click_tracking")}</dt>
            <dd className="font-medium">{onOff(prefs.clickTracking)}</dd>
            <dt>{tc("flags.profiling")}</dt>
            <dd className="font-medium">{onOff(prefs.profiling)}</dd>
          </dl>
          <p className="mt-2 text-sm">
            <Link href="/account/preferences">{t("changeMail")}</Link>
          </p>
        </section>
        <section aria-labelledby="choice-cookies" className={box}>
          <h3 id="choice-cookies" className="font-semibold">
            {t("cookies")}
          </h3>
          {cookies === null ? (
            <p className="mt-2 text-sm text-slate-700">{t("noCookieChoice")}</p>
          ) : (
            <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-3 gap-y-1 text-sm">
              <dt>{tc("categories.functional.title")}</dt>
              <dd className="font-medium">{tc("current.alwaysOn")}</dd>
              {optional.map((c) => (
                <div key={c} className="contents">
                  <dt>{tc(`categories.${c}.title`)}</dt>
                  <dd className="font-medium">{onOff(categoryOn(c))}</dd>
                </div>
              ))}
            </dl>
          )}
          <p className="mt-2 text-sm">
            <Link href="/account/consents">{t("changeCookies")}</Link>
          </p>
        </section>
        <section aria-labelledby="choice-access" className={box}>
          <h3 id="choice-access" className="font-semibold">
            {t("access")}
          </h3>
          {grants.length === 0 ? (
            <p className="mt-2 text-sm text-slate-700">{t("noAccess")}</p>
          ) : (
            <ul className="mt-2 space-y-1 text-sm">
              {grants.map((g) => (
                <li key={g.id}>
                  {t.rich("grant", {
                    ticket: g.ticketRef,
                    strong: (chunks) => <strong>{chunks}</strong>,
                    until: () => <LocalTime value={g.expiresAt} />,
                  })}
                </li>
              ))}
            </ul>
          )}
          <p className="mt-2 text-sm">
            <Link href="/account/support-access">{t("changeAccess")}</Link>
          </p>
        </section>
      </div>
    </section>
  );
}
