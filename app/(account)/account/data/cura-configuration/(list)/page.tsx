import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { RecentTime } from "@/components/data/recent-time";
import { localizeCategory } from "@/lib/catalog/i18n";
import { listMyCuraProfiles } from "@/lib/dal/data/cura";
import { getViewerFormat } from "@/lib/i18n/server";
import { AutoDeleteSection } from "../../auto-delete";
import { loadCategory } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.cura");
  return { title: t("title") };
}

const select =
  "block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base sm:text-sm";

export default async function CuraPage() {
  const [{ category, stats, chosenMonths, readOnly }, profiles] = await Promise.all([
    loadCategory("cura-configuration"),
    listMyCuraProfiles(),
  ]);
  const t = await getTranslations("data.cura");
  const { locale } = await getViewerFormat();
  const now = new Date();
  return (
    <>
      <CategoryHeader category={category} stats={stats} chosenMonths={chosenMonths}>
        <AutoDeleteSection
          category={localizeCategory(category, locale)}
          chosenMonths={chosenMonths}
          readOnly={readOnly}
        />
      </CategoryHeader>
      {profiles.length === 0 ? (
        <Empty>{t("none")}</Empty>
      ) : (
        <div className="space-y-6">
          {profiles.map((p, i) => (
            <Card key={p.name} title={p.name} id={`profile-${i}`}>
              <ul className="divide-y divide-slate-100 text-sm">
                {p.versions.map((v) => (
                  <li key={v.id} className="py-2">
                    <Link href={`/account/data/cura-configuration/${v.id}`} className="font-medium">
                      {t("version", { version: v.version })}
                    </Link>
                    <span className="text-slate-700">
                      {" "}
                      · Cura {v.curaVersion}
                      {v.machine && ` · ${v.machine}`} ·{" "}
                      {t("settingCount", { count: v.settingCount })} ·{" "}
                      <RecentTime value={v.createdAt} now={now} />
                    </span>
                    {v.note && <p className="text-slate-700">{v.note}</p>}
                  </li>
                ))}
              </ul>
              {p.versions.length > 1 && (
                <form
                  method="get"
                  action="/account/data/cura-configuration/compare"
                  className="mt-4 grid gap-3 sm:grid-cols-3"
                  aria-label={t("compareLabel", { name: p.name })}
                >
                  <div>
                    <label htmlFor={`a-${i}`} className="block text-sm font-medium">
                      {t("older")}
                    </label>
                    <select
                      id={`a-${i}`}
                      name="a"
                      defaultValue={p.versions[1]!.id}
                      className={select}
                    >
                      {p.versions.map((v) => (
                        <option key={v.id} value={v.id}>
                          {t("version", { version: v.version })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div>
                    <label htmlFor={`b-${i}`} className="block text-sm font-medium">
                      {t("newer")}
                    </label>
                    <select
                      id={`b-${i}`}
                      name="b"
                      defaultValue={p.versions[0]!.id}
                      className={select}
                    >
                      {p.versions.map((v) => (
                        <option key={v.id} value={v.id}>
                          {t("version", { version: v.version })}
                        </option>
                      ))}
                    </select>
                  </div>
                  <div className="flex items-end">
                    <button
                      type="submit"
                      className="min-h-10 rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium hover:bg-slate-50"
                    >
                      {t("compare", { name: p.name })}
                    </button>
                  </div>
                </form>
              )}
            </Card>
          ))}
        </div>
      )}
    </>
  );
}
