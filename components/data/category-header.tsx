import Link from "next/link";
import type { ReactNode } from "react";
import { PageTitle } from "@/components/ui/card";
import type { DataCategory } from "@/lib/catalog";
import type { CategoryStatsDTO } from "@/lib/dal/data/overview";
import { formatCount, formatDateTime } from "./format";
import { WhyPanel } from "./why-panel";

/** Title, size and the "why" panel at the top of every category page. */
export function CategoryHeader({
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
  return (
    <div className="mb-6 space-y-4">
      <p className="text-sm">
        <Link href="/account">← Your data</Link>
      </p>
      <PageTitle lead={category.summary}>{category.title}</PageTitle>
      <p className="text-sm text-slate-700">
        <span data-testid="item-count">
          {formatCount(stats.count.value, stats.count.approximate)}
        </span>{" "}
        {stats.count.value === 1 ? "item" : "items"}
        {stats.latest && <> · latest {formatDateTime(stats.latest)}</>}
      </p>
      <WhyPanel category={category} oldest={stats.oldest} chosenMonths={chosenMonths} />
      {children}
    </div>
  );
}
