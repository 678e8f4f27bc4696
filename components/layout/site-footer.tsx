import Link from "next/link";
import { CookieSettingsButton } from "@/components/consent/cookie-settings-button";
import { LanguageSwitcher } from "@/components/i18n/language-switcher";
import { organisation } from "@/lib/organisation";

export function SiteFooter() {
  return (
    <footer className="border-t border-slate-200 bg-white text-sm text-slate-600">
      <div className="mx-auto flex max-w-5xl flex-col gap-2 px-4 py-6 sm:flex-row sm:justify-between sm:px-6">
        <p>
          {organisation.name}, {organisation.address}. Questions about your data:{" "}
          <a href={`mailto:${organisation.contactEmail}`}>{organisation.contactEmail}</a>
        </p>
        <ul className="flex flex-wrap gap-x-4 gap-y-1">
          <li>
            <Link href="/policy">Privacy statement</Link>
          </li>
          <li>
            <Link href="/developers/api">API for developers</Link>
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
