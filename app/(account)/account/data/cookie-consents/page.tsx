import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { listMyConsents } from "@/lib/dal/data/records";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Cookie and consent choices" };

// Read-only record of choices: they are made in the cookie banner and on /account/consents,
// and a record of consent must not be editable after the fact.
export default async function ConsentsPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, page] = await Promise.all([
    loadCategory("cookie-consents"),
    listMyConsents(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title="Every choice you made" id="choices">
        {page.items.length === 0 ? (
          <Empty>No consent choices recorded for your account.</Empty>
        ) : (
          <SimpleTable
            caption="Consent choices, newest first"
            headers={["When", "About", "How", "Allowed", "Refused", "Policy"]}
            rows={page.items.map((c) => {
              const entries = Object.entries(c.decisions);
              return {
                key: c.id,
                cells: [
                  formatDateTime(c.occurredAt),
                  c.scope === "cookies" ? "Cookies" : "Marketing email",
                  c.method.replaceAll("_", " "),
                  entries
                    .filter(([, v]) => v)
                    .map(([k]) => k)
                    .join(", ") || "—",
                  entries
                    .filter(([, v]) => !v)
                    .map(([k]) => k)
                    .join(", ") || "—",
                  `${c.policyVersion}${c.bannerRevision !== null ? `, banner ${c.bannerRevision}` : ""}`,
                ],
              };
            })}
          />
        )}
        <Pager page={page} path="/account/data/cookie-consents" label="Consent pages" />
      </Card>
    </>
  );
}
