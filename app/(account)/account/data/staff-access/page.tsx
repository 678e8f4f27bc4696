import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { LocalTime } from "@/components/i18n/local-time";
import { getLocalizedCategory } from "@/lib/catalog/i18n";
import { listMySupportGrants } from "@/lib/dal/support/grants";
import { listMyStaffAccess } from "@/lib/dal/support/staff-access";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";
import { Visit } from "./visit";

// The category's own title, as in the navigation: one name for one page.
export async function generateMetadata(): Promise<Metadata> {
  return { title: getLocalizedCategory("staff-access", await getLocale())?.title };
}

/**
 * The one page about staff access (/account/staff-access redirects here): every visit in full,
 * newest first and paged, then every permission given. /account/support-access gives and
 * withdraws access.
 */
export default async function StaffAccessPage(props: { searchParams: SearchParams }) {
  const cursor = pageParams(await props.searchParams);
  const [{ category, stats }, { active, past }, visits, t, ts] = await Promise.all([
    loadCategory("staff-access"),
    listMySupportGrants(),
    listMyStaffAccess(cursor),
    getTranslations("security.staff"),
    getTranslations("security.supportAccess"),
  ]);
  const grants = [...active, ...past];
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title={visits.prev ? t("earlierTitle") : t("visitsTitle")} id="visits">
          {visits.items.length === 0 ? (
            <Empty>{t("none")}</Empty>
          ) : (
            <div className="space-y-4">
              {visits.items.map((v) => (
                <Visit key={v.id} v={v} />
              ))}
            </div>
          )}
          {(visits.prev || visits.next) && (
            <nav aria-label={t("pages")} className="mt-3 flex gap-4 text-sm">
              {visits.prev && <Link href="/account/data/staff-access">{t("newest")}</Link>}
              {visits.next && (
                <Link href={`/account/data/staff-access?after=${visits.next}`}>{t("earlier")}</Link>
              )}
            </nav>
          )}
        </Card>
        <Card title={t("grantsTitle")} id="grants">
          {grants.length === 0 ? (
            <Empty>{t("noGrants")}</Empty>
          ) : (
            <ul className="divide-y divide-slate-100 text-sm">
              {grants.map((g) => (
                <li key={g.id} className="py-2">
                  <p className="font-medium break-words">
                    {ts("ticketLabel", { ticket: g.ticketRef })}
                  </p>
                  <p className="text-slate-600">
                    {ts("given")} <LocalTime value={g.createdAt} /> ·{" "}
                    {g.revokedAt ? (
                      <>
                        {ts("withdrawn")} <LocalTime value={g.revokedAt} />
                      </>
                    ) : (
                      <>
                        {g.active ? ts("until") : ts("ended")} <LocalTime value={g.expiresAt} />
                      </>
                    )}
                  </p>
                </li>
              ))}
            </ul>
          )}
          <p className="mt-3 text-sm text-slate-700">
            {t.rich("toSupportAccess", {
              link: (chunks) => <Link href="/account/support-access">{chunks}</Link>,
            })}
          </p>
        </Card>
      </div>
    </>
  );
}
