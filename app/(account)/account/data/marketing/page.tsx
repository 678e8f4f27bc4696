import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { Pager } from "@/components/data/pager";
import { SimpleTable } from "@/components/data/simple-table";
import { getMyMarketingPreferences, listMyEmailEngagement } from "@/lib/dal/marketing";
import { pageParams, type SearchParams } from "@/lib/search-params";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Marketing email" };

const yesNo = (b: boolean) => (b ? "Allowed" : "Not allowed");

// Read-only: the choices are changed on /account/preferences.
export default async function MarketingPage(props: { searchParams: SearchParams }) {
  const sp = await props.searchParams;
  const [{ category, stats }, prefs, page] = await Promise.all([
    loadCategory("marketing"),
    getMyMarketingPreferences(),
    listMyEmailEngagement(pageParams(sp)),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <div className="space-y-6">
        <Card title="Your current choices" id="choices">
          <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[14rem_1fr]">
            <dt className="font-medium">Newsletter</dt>
            <dd>
              {
                { off: "Off", pending: "Waiting for your confirmation", confirmed: "On" }[
                  prefs.newsletter
                ]
              }
            </dd>
            <dt className="font-medium">Topics</dt>
            <dd>
              {prefs.topics.length
                ? prefs.topics.map((t) => t.replaceAll("_", " ")).join(", ")
                : "None"}
            </dd>
            <dt className="font-medium">Recording opens</dt>
            <dd>{yesNo(prefs.openTracking)}</dd>
            <dt className="font-medium">Recording clicks</dt>
            <dd>{yesNo(prefs.clickTracking)}</dd>
            <dt className="font-medium">Tailoring to your activity</dt>
            <dd>{yesNo(prefs.profiling)}</dd>
          </dl>
          <p className="mt-3 text-sm">
            <Link href="/account/preferences">Change your email preferences</Link>
          </p>
        </Card>
        <Card title="Opens and clicks we recorded" id="engagement">
          {page.items.length === 0 ? (
            <Empty>We have recorded no opens or clicks.</Empty>
          ) : (
            <SimpleTable
              caption="Email opens and clicks, newest first"
              headers={["When", "Email", "What", "Link"]}
              rows={page.items.map((e) => ({
                key: e.id,
                cells: [
                  formatDateTime(e.occurredAt),
                  e.campaign,
                  e.kind === "open" ? "Opened" : "Clicked",
                  <span key="u" className="break-all">
                    {e.url ?? "—"}
                  </span>,
                ],
              }))}
            />
          )}
          <Pager page={page} path="/account/data/marketing" label="Engagement pages" />
        </Card>
      </div>
    </>
  );
}
