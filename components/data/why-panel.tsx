import { legalBasisLabel, type DataCategory } from "@/lib/catalog";
import { formatDate } from "./format";

/**
 * "Why we have this", straight from the data catalog, with the date the oldest item we hold
 * will be purged (its time + the category's retention), so the retention rule is concrete.
 */
export function WhyPanel({ category, oldest }: { category: DataCategory; oldest: Date | null }) {
  const days = category.retention.days;
  const purge =
    days !== undefined && oldest ? new Date(oldest.getTime() + days * 86_400_000) : null;
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
          {category.retention.description}
          {purge && (
            <>
              {" "}
              The oldest item we hold will be deleted on <strong>{formatDate(purge)}</strong>.
            </>
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
