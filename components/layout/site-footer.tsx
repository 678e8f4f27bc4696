import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { organisation } from "@/lib/organisation";

export async function SiteFooter() {
  const t = await getTranslations("common.footer");
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto flex max-w-6xl flex-col gap-3 px-4 py-6 sm:flex-row sm:flex-wrap sm:justify-between sm:px-6">
        <p>
          {t.rich("contact", {
            company: organisation.name,
            address: organisation.address,
            mail: () => (
              <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
            ),
          })}
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1" aria-label={t("links")}>
          <li>
            <Link href="/policy">{t("policy")}</Link>
          </li>
          <li>
            <Link href="/developers/api">{t("developers")}</Link>
          </li>
          <li>
            <CookieSettingsButton />
          </li>
        </ul>
        <LanguageSwitcher />
      </div>
    </footer>
  );
}
