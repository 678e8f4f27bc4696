"use client";
import { useLocale, useTranslations } from "next-intl";
import { useRouter } from "next/navigation";
import { useTransition } from "react";
import { localeNames, locales } from "@/lib/i18n/config";
import { chooseLanguageAction } from "./actions";

/**
 * "English · Nederlands" on every page: each language named in itself (with its own `lang`),
 * the current one marked. Choosing one re-renders the page in it, where focus stays.
 */
export function LanguageSwitcher() {
  const t = useTranslations("common.language");
  const current = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  return (
    <nav aria-label={t("label")}>
      <ul className="flex gap-3">
        {locales.map((locale) => (
          <li key={locale}>
            <button
              type="button"
              lang={locale}
              aria-current={locale === current ? "true" : undefined}
              disabled={pending}
              onClick={() =>
                startTransition(async () => {
                  if (locale === current) return;
                  const result = await chooseLanguageAction(locale);
                  if (result.ok) router.refresh();
                })
              }
              className={
                locale === current
                  ? "font-semibold text-slate-900 underline underline-offset-2"
                  : "text-brand-700 underline underline-offset-2 hover:text-brand-800"
              }
            >
              {localeNames[locale]}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
