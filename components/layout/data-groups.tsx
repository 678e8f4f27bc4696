import Link from "next/link";
import { getLocale, getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { getLocalizedCategory } from "@/lib/catalog/i18n";
import type { CategoryStatsDTO } from "@/lib/dal/data/overview";
import { categoryGroups, sectionHrefForCategory } from "./account-sections";

/**
 * Everything we hold, grouped as the menu is: one compact card per catalog category with how
 * many items and the latest one; the card is the link to its page.
 */
export async function DataGroups({ stats, now }: { stats: CategoryStatsDTO[]; now: Date }) {
  const t = await getTranslations("overview.data");
  const tGroups = await getTranslations("nav.groups");
  const locale = await getLocale();
  const number = new Intl.NumberFormat(locale);
  const byId = new Map(stats.map((s) => [s.id, s]));
  return (
    <section aria-labelledby="your-data" className="space-y-3">
      <h2 id="your-data" className="text-xl font-bold">
        {t("title")}
      </h2>
      <ul aria-label={t("list")} className="space-y-6">
        {categoryGroups.map((g) => (
          <li key={g.key}>
            <h3 id={`data-${g.key}`} className="mb-2 text-base font-semibold text-slate-800">
              {tGroups(g.key)}
            </h3>
            <ul
              aria-labelledby={`data-${g.key}`}
              className="grid gap-3 sm:grid-cols-2 xl:grid-cols-3"
            >
              {g.categories.map((id) => {
                const category = getLocalizedCategory(id, locale)!;
                const s = byId.get(id);
                const count = s?.count ?? { value: 0, approximate: false };
                return (
                  <li
                    key={id}
                    id={`cat-${id}`}
                    className="relative rounded-lg border border-slate-200 bg-white p-3 focus-within:border-brand-700 hover:border-brand-700"
                  >
                    <Link
                      href={sectionHrefForCategory(id)}
                      className="font-semibold after:absolute after:inset-0"
                    >
                      {category.title}
                    </Link>
                    <p className="mt-1 text-sm text-slate-700">
                      <span className="font-semibold text-slate-900" data-testid={`count-${id}`}>
                        {count.approximate
                          ? t("about", { count: number.format(count.value) })
                          : number.format(count.value)}
                      </span>{" "}
                      {t("items", { count: count.value })}
                      {s?.latest && (
                        <>
                          {" · "}
                          {t.rich("latest", {
                            time: () => <LocalTime value={s.latest} style="ago" now={now} />,
                          })}
                        </>
                      )}
                    </p>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ul>
    </section>
  );
}
