import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDate } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { listMyDisclosures } from "@/lib/dal/data/disclosures";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Shared with third parties" };

export default async function DisclosuresPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page] = await Promise.all([
    loadCategory("disclosures"),
    listMyDisclosures(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title="Who received your data" id="disclosures">
        {page.items.length === 0 ? (
          <Empty>We have not passed your data to anyone outside our company.</Empty>
        ) : (
          <SimpleTable
            caption="Disclosures to third parties, newest first"
            headers={["When", "To", "Why", "Which data", "Basis"]}
            rows={page.items.map((d) => ({
              key: d.id,
              cells: [
                formatDate(d.disclosedAt),
                `${d.recipientName} (${d.recipientKind.replaceAll("_", " ")}${d.country ? `, ${d.country}` : ""})`,
                d.purpose,
                d.categories.join(", "),
                d.legalBasis.replaceAll("_", " "),
              ],
            }))}
          />
        )}
        <Pager page={page} path="/account/data/disclosures" label="Disclosure pages" />
      </Card>
    </>
  );
}
