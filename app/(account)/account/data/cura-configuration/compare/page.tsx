import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { Empty } from "@/components/data/empty";
import { diffSettings } from "@/components/data/settings-diff";
import { getMyCuraVersion } from "@/lib/dal/data/cura";
import { param, type SearchParams } from "@/lib/search-params";
import { uuidOr404 } from "../../load";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("data.curaCompare");
  return { title: t("title") };
}

export default async function ComparePage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [a, b] = await Promise.all([
    getMyCuraVersion(uuidOr404(param(sp, "a"))),
    getMyCuraVersion(uuidOr404(param(sp, "b"))),
  ]);
  if (!a || !b) notFound();
  const changes = diffSettings(a.settings, b.settings);
  const t = await getTranslations("data.curaCompare");
  const title = (v: typeof a) => t("short", { name: v.profileName, version: v.version });
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/account/data/cura-configuration">{t("back")}</Link>
      </p>
      <PageTitle lead={t("lead", { a: title(a), b: title(b) })}>{t("heading")}</PageTitle>
      <Card title={t("differ", { count: changes.length })} id="diff">
        {changes.length === 0 ? (
          <Empty>{t("same")}</Empty>
        ) : (
          <div
            className="relative overflow-x-auto"
            tabIndex={0}
            role="region"
            aria-label={t("scroll")}
          >
            <table className="w-full text-left text-sm">
              <caption className="sr-only">{t("caption", { a: title(a), b: title(b) })}</caption>
              <thead>
                <tr className="border-b border-slate-200">
                  <th scope="col" className="py-1 pr-3">
                    {t("setting")}
                  </th>
                  <th scope="col" className="py-1 pr-3">
                    {title(a)}
                  </th>
                  <th scope="col" className="py-1">
                    {title(b)}
                  </th>
                </tr>
              </thead>
              <tbody>
                {changes.map((c) => (
                  <tr key={c.key} className="border-b border-slate-100">
                    <th scope="row" className="py-1 pr-3 font-mono font-normal break-all">
                      {c.key}
                    </th>
                    <td className="py-1 pr-3 font-mono break-all">
                      {c.before ?? <em>{t("notSet")}</em>}
                    </td>
                    <td className="py-1 font-mono break-all">
                      {c.after ?? <em>{t("notSet")}</em>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Card>
    </>
  );
}
