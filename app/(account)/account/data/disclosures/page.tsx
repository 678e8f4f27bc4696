import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { LocalTime } from "@/components/i18n/local-time";
import { getLocalizedCategory } from "@/lib/catalog/i18n";
import { listMyDisclosures } from "@/lib/dal/data/disclosures";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("disclosures.metaTitle") };
}

const KINDS = ["reseller", "service_partner", "affiliate", "advisor", "investor", "authority"];
const BASES = ["contract", "legitimate_interest", "consent", "legal_obligation"];

export default async function DisclosuresPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page, t, tPager, locale] = await Promise.all([
    loadCategory("disclosures"),
    listMyDisclosures(pageParams(sp)),
    getTranslations("security.disclosures"),
    getTranslations("security.activity"),
    getLocale(),
  ]);
  const countries = new Intl.DisplayNames([locale], { type: "region" });
  const kind = (k: string) =>
    KINDS.includes(k) ? t(`kind.${k as "reseller"}`) : k.replaceAll("_", " ");
  const basis = (b: string) => t(`legalBasis.${BASES.includes(b) ? (b as "contract") : "other"}`);
  const categories = (ids: string[]) =>
    ids.map((id) => getLocalizedCategory(id, locale)?.title ?? id.replaceAll("-", " ")).join(", ");
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title={t("title")} id="disclosures">
        {page.items.length === 0 ? (
          <Empty>{t("empty")}</Empty>
        ) : (
          <SimpleTable
            caption={t("caption")}
            headers={[t("when"), t("to"), t("why"), t("which"), t("basis")]}
            rows={page.items.map((d) => ({
              key: d.id,
              cells: [
                <LocalTime key="when" value={d.disclosedAt} style="date" />,
                d.country
                  ? t("recipientIn", {
                      name: d.recipientName,
                      kind: kind(d.recipientKind),
                      country: countries.of(d.country) ?? d.country,
                    })
                  : t("recipient", { name: d.recipientName, kind: kind(d.recipientKind) }),
                d.purpose,
                categories(d.categories),
                basis(d.legalBasis),
              ],
            }))}
          />
        )}
        <Pager
          page={page}
          path="/account/data/disclosures"
          label={t("pages")}
          words={{ prev: tPager("newer"), next: tPager("older") }}
        />
      </Card>
    </>
  );
}
