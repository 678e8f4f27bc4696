import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { LocalTime } from "@/components/i18n/local-time";
import { PageTitle } from "@/components/ui/card";
import type { DataCategory } from "@/lib/catalog";
import { localizeCategory } from "@/lib/catalog/i18n";
import type { CategoryStatsDTO } from "@/lib/dal/data/overview";
import { isLocale } from "@/lib/i18n/config";
import { formatCount } from "./format";
import { WhyPanel } from "./why-panel";

/** Title, size and the "why" panel at the top of every category page, in the viewer's language. */
export async function CategoryHeader({
  category,
  stats,
  chosenMonths = null,
  children,
}: {
  category: DataCategory;
  stats: CategoryStatsDTO;
  /** The holder's auto-delete choice, which the panel's period and date follow. */
  chosenMonths?: number | null;
  /** Shown under the panel (the auto-delete choice, where the category allows one). */
  children?: ReactNode;
}) {
  const rawLocale = await getLocale();
  const locale = isLocale(rawLocale) ? rawLocale : "en";
  const t = await getTranslations("data.header");
  const words = localizeCategory(category, locale);
  return (
    <div className="mb-6 space-y-4">
      <p className="text-sm">
        <Link href="/account">{t("back")}</Link>
      </p>
      <PageTitle lead={words.summary}>{words.title}</PageTitle>
      <p className="text-sm text-slate-700">
        <span data-testid="item-count">
          {formatCount(stats.count.value, stats.count.approximate, locale)}
        </span>{" "}
        {t("items", { count: stats.count.value })}
        {stats.latest && (
          <>
            {" · "}
            {t("latest")} <LocalTime value={stats.latest} style="ago" now={new Date()} />
          </>
        )}
      </p>
      <WhyPanel category={category} oldest={stats.oldest} chosenMonths={chosenMonths} />
      {children}
    </div>
  );
}
