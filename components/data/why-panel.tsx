import { legalBasisLabel, type DataCategory } from "@/lib/catalog";
import { effectiveRetention, monthsLabel, purgeDate } from "@/lib/retention/policy";
import { formatDate } from "./format";

/**
 * "Why we have this", straight from the data catalog, with the date the oldest item we hold
 * will be purged, so the retention rule is concrete. The date comes from the same function the
 * retention job uses (lib/retention/policy.ts), with the holder's auto-delete choice when it is
 * shorter than the catalog's period.
 */
export function WhyPanel({
  category,
  oldest,
  chosenMonths = null,
  now = new Date(),
}: {
  category: DataCategory;
  oldest: Date | null;
  chosenMonths?: number | null;
  /** Server-rendered only: the panel never hydrates, so server and browser cannot disagree. */
  now?: Date;
}) {
  const effective = effectiveRetention(category, chosenMonths);
  const purge = oldest ? purgeDate(category, oldest, chosenMonths) : null;
  return (
    <section
      aria-labelledby="why-title"
      className="rounded-lg border border-brand-100 bg-brand-50 p-4 text-sm sm:p-6"
    >
      <h2 id="why-title" className="mb-3 text-lg font-semibold">
        Why we have this
      </h2>
      <dl className="grid gap-x-4 gap-y-2 sm:grid-cols-[10rem_1fr]">
        <dt className="font-medium">Purpose</dt>
        <dd>{category.purpose}</dd>
        <dt className="font-medium">Legal basis</dt>
        <dd>{legalBasisLabel[category.legalBasis]}</dd>
        <dt className="font-medium">How long we keep it</dt>
        <dd>
          {effective.chosenMonths ? (
            <>
              <strong>
                {monthsLabel(effective.chosenMonths)}, then deleted: your auto-delete choice.
              </strong>{" "}
              Without it: {category.retention.description.toLowerCase()}
            </>
          ) : (
            category.retention.description
          )}
          {purge && purge.getTime() > now.getTime() && (
            <>
              {" "}
              The oldest item we hold will be deleted on <strong>{formatDate(purge)}</strong>.
            </>
          )}
          {purge && purge.getTime() <= now.getTime() && (
            <> The oldest items are past this period and go at the next daily clean-up.</>
          )}
        </dd>
        <dt className="font-medium">Who receives it</dt>
        <dd>{category.recipients.join("; ")}</dd>
        <dt className="font-medium">Where it comes from</dt>
        <dd>{category.source}</dd>
      </dl>
    </section>
  );
}
