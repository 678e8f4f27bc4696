import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CategoryHeader } from "@/components/data/category-header";
import { Empty } from "@/components/data/empty";
import { formatDateTime } from "@/components/data/format";
import { SimpleTable } from "@/components/data/simple-table";
import { listMyConsentEvents } from "@/lib/dal/consent";
import { loadCategory } from "../load";

export const metadata: Metadata = { title: "Cookie and consent choices" };

// The record of choices as data; /account/consents is where they are made and explained.
export default async function ConsentsPage() {
  const [{ category, stats }, events] = await Promise.all([
    loadCategory("cookie-consents"),
    listMyConsentEvents(),
  ]);
  return (
    <>
      <CategoryHeader category={category} stats={stats} />
      <Card title="Every choice you made" id="choices">
        {events.length === 0 ? (
          <Empty>No consent choices recorded for your account.</Empty>
        ) : (
          <SimpleTable
            caption="Consent choices, newest first"
            headers={["When", "About", "How", "Allowed", "Refused", "Policy"]}
            rows={events.map((c) => {
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
        <p className="mt-3 text-sm">
          <Link href="/account/consents">Your consents, and changing your cookie choice</Link>
        </p>
      </Card>
    </>
  );
}
