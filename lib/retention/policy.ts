import type { DataCategory } from "@/lib/catalog";

/**
 * When does an item go: the one answer shared by the "why we have this" panel and the retention
 * job (lib/dal/retention/purge.ts), so the date a holder is shown is the date the job acts on.
 * Pure: no database, no clock of its own.
 */

export const DAY_MS = 86_400_000;

/** The auto-delete periods we offer, in months (Google's 3 / 18 / 36 are the model). */
export const AUTO_DELETE_MONTHS = [3, 18, 36] as const;
export type AutoDeleteMonths = (typeof AUTO_DELETE_MONTHS)[number];

/** An average month (365.25 / 12 days), so "18 months" is the catalog's 548 days. */
export const DAYS_PER_MONTH = 30.44;

export function monthsToDays(months: number): number {
  return Math.round(months * DAYS_PER_MONTH);
}

/** The categories where a holder may choose a shorter period. */
export function allowsAutoDelete(category: DataCategory): boolean {
  return category.retention.autoDelete !== undefined;
}

/**
 * The periods offered for a category: only those shorter than the catalog's own period (all of
 * them when the catalog keeps items for as long as the account exists) and never below its floor.
 */
export function autoDeleteOptions(category: DataCategory): AutoDeleteMonths[] {
  const rule = category.retention.autoDelete;
  if (!rule) return [];
  const standard = category.retention.days;
  return AUTO_DELETE_MONTHS.filter((months) => {
    const days = monthsToDays(months);
    return (standard === undefined || days < standard) && days >= (rule.floorDays ?? 0);
  });
}

export type EffectiveRetention = {
  /** Days after an item's clock when it goes; undefined = kept while the account exists. */
  days?: number;
  /** The holder's auto-delete choice, when it is what decides (shorter than the catalog's). */
  chosenMonths: number | null;
};

/**
 * The period that applies to one holder's items: the catalog's, or the holder's auto-delete
 * choice when that is shorter (never below the category's floor). A choice for a category that
 * does not allow one is ignored.
 */
export function effectiveRetention(
  category: DataCategory,
  chosenMonths?: number | null,
): EffectiveRetention {
  const standard = category.retention.days;
  const rule = category.retention.autoDelete;
  if (!rule || !chosenMonths) return { days: standard, chosenMonths: null };
  const chosen = Math.max(monthsToDays(chosenMonths), rule.floorDays ?? 0);
  if (standard !== undefined && chosen >= standard) return { days: standard, chosenMonths: null };
  return { days: chosen, chosenMonths };
}

/** When an item whose clock reads `clock` is deleted; null when it is kept with the account. */
export function purgeDate(
  category: DataCategory,
  clock: Date,
  chosenMonths?: number | null,
): Date | null {
  const { days } = effectiveRetention(category, chosenMonths);
  return days === undefined ? null : new Date(clock.getTime() + days * DAY_MS);
}

/**
 * What a purge at `now` deletes: every item whose clock is at or before the cutoff, which is
 * exactly every item whose `purgeDate` is at or before `now`. Null: nothing goes.
 */
export function purgeCutoff(
  category: DataCategory,
  now: Date,
  chosenMonths?: number | null,
): Date | null {
  const { days } = effectiveRetention(category, chosenMonths);
  return days === undefined ? null : new Date(now.getTime() - days * DAY_MS);
}

/** The same cutoff for a fixed number of days (housekeeping outside the catalog's categories). */
export function cutoffAfterDays(now: Date, days: number): Date {
  return new Date(now.getTime() - days * DAY_MS);
}
