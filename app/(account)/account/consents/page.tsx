import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { readConsent } from "@/components/consent/consent-state";
import { isConsentMethod, isMarketingFlag, vendorNames } from "@/components/consent/choice-words";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { LocalTime } from "@/components/i18n/local-time";
import { Card } from "@/components/ui/card";
import { cookieVendors, type CookieCategory } from "@/lib/catalog/vendors";
import { listMyConsentEvents } from "@/lib/dal/consent";
import { getMyMarketingPreferences } from "@/lib/dal/marketing";
import { loadCategory } from "../data/load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("nav.sections");
  return { title: t("consents") };
}

const categoryOrder: CookieCategory[] = ["functional", "analytics", "advertising"];

/**
 * Consent, one page: what you allow now (cookies in this browser, marketing email), then every
 * choice you made, as recorded (never edited). /account/data/cookie-consents redirects here.
 */
export default async function ConsentsPage() {
  const [{ category, stats }, events, prefs, consent, t] = await Promise.all([
    loadCategory("cookie-consents"),
    listMyConsentEvents(),
    getMyMarketingPreferences(),
    readConsent(),
    getTranslations("consent"),
  ]);
  const cookieChoice = consent.effective;
  const allowedIn = (c: CookieCategory) =>
    cookieVendors
      .filter((v) => v.category === c && !v.retired && cookieChoice?.[v.id])
      .map((v) => v.name);

  const onOff = (on: boolean) => (on ? t("current.on") : t("current.off"));
  const allowed = (decisions: Record<string, boolean>, scope: "cookies" | "marketing") => {
    const names = Object.entries(decisions)
      .filter(([, on]) => on)
      .flatMap(([id]) =>
        scope === "cookies"
          ? [vendorNames.get(id) ?? t("history.unknownVendor")]
          : isMarketingFlag(id)
            ? [t(`flags.${id}`)]
            : [],
      );
    return names.length ? names.join(", ") : t("history.nothing");
  };

  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title={t("current.title")} id="current">
          <div className="grid gap-6 md:grid-cols-2">
            <section aria-labelledby="current-cookies">
              <h3 id="current-cookies" className="font-semibold">
                {t("current.cookies")}
              </h3>
              {cookieChoice === null ? (
                <p className="mt-1 text-sm text-slate-700">{t("current.noCookieChoice")}</p>
              ) : (
                <dl className="mt-2 space-y-2 text-sm">
                  {categoryOrder.map((c) => {
                    const names = allowedIn(c);
                    return (
                      <div key={c}>
                        <dt className="font-medium">{t(`categories.${c}.title`)}</dt>
                        <dd className="text-slate-700">
                          {c === "functional"
                            ? t("current.alwaysOn")
                            : names.length
                              ? t("current.allowed", { names: names.join(", ") })
                              : t("current.off")}
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              )}
              <p className="mt-3 text-sm">
                <CookieSettingsButton />
              </p>
            </section>
            <section aria-labelledby="current-mail">
              <h3 id="current-mail" className="font-semibold">
                {t("current.mail")}
              </h3>
              <dl className="mt-2 grid grid-cols-[minmax(0,1fr)_auto] gap-x-4 gap-y-1 text-sm">
                <dt className="font-medium">{t("flags.newsletter")}</dt>
                <dd>{t(`newsletter.${prefs.newsletter}`)}</dd>
                <dt className="font-medium">{t("flags.open_tracking")}</dt>
                <dd>{onOff(prefs.openTracking)}</dd>
                <dt className="font-medium">{t("flags.click_tracking")}</dt>
                <dd>{onOff(prefs.clickTracking)}</dd>
                <dt className="font-medium">{t("flags.profiling")}</dt>
                <dd>{onOff(prefs.profiling)}</dd>
              </dl>
              <p className="mt-3 text-sm">
                <Link href="/account/preferences">{t("current.changeMail")}</Link>
              </p>
            </section>
          </div>
        </Card>
        <Card title={t("history.title")} id="history">
          <p className="mb-3 text-sm text-slate-700">{t("history.lead")}</p>
          {events.length === 0 ? (
            <Empty>{t("history.empty")}</Empty>
          ) : (
            <ul className="divide-y divide-slate-200 text-sm">
              {events.map((e) => (
                <li key={e.id} className="py-3">
                  <p className="font-medium">
                    {t(`scope.${e.scope}`)}:{" "}
                    {isConsentMethod(e.method) ? t(`methods.${e.method}`) : t("methods.other")}
                  </p>
                  <p className="text-slate-700">
                    {t("history.allowed", { names: allowed(e.decisions, e.scope) })}
                  </p>
                  <p className="text-slate-600">
                    <LocalTime value={e.occurredAt} />
                    {" · "}
                    {e.bannerRevision !== null
                      ? t("history.versions", {
                          revision: e.bannerRevision,
                          policy: e.policyVersion,
                        })
                      : t("history.policy", { policy: e.policyVersion })}
                  </p>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
