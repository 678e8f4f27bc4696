import { getTranslations } from "next-intl/server";

const bar = "rounded bg-slate-200 motion-safe:animate-pulse";

/**
 * The loading state of a data page, drawn as the page's own frame — back link, title, lead,
 * count line, the "why" panel (one line on phones), then a card of rows — with the same
 * heights, so the page replaces it without moving anything (layout shift). It is at least a
 * screen tall: the footer below must not jump from mid-screen to the bottom when it swaps.
 *
 * Each list page has its own loading.tsx, deliberately not one at app/(account)/account/data/:
 * a Suspense boundary above the detail pages would start streaming with status 200 before
 * notFound() could answer 404 for an id that is not the user's.
 */
export async function LoadingSkeleton({
  rows = 8,
  filters = false,
  autoDelete = false,
}: {
  /** Rows in the list card. */
  rows?: number;
  /** The page has a filter form above its list (print jobs). */
  filters?: boolean;
  /** The page has an auto-delete choice under the panel. */
  autoDelete?: boolean;
}) {
  const t = await getTranslations("data");
  return (
    <div role="status" aria-busy="true" className="min-h-[100vh]">
      <p className="sr-only">{t("loading")}</p>
      <div aria-hidden="true">
        <div className="mb-6 space-y-4">
          <div className="flex h-5 items-center">
            <div className={`${bar} h-4 w-24`} />
          </div>
          <div className="mb-6 space-y-1">
            <div className="flex h-8 items-center sm:h-9">
              <div className={`${bar} h-7 w-64 max-w-full`} />
            </div>
            <div className="flex h-6 items-center">
              <div className={`${bar} h-4 w-80 max-w-full`} />
            </div>
          </div>
          <div className="flex h-5 items-center">
            <div className={`${bar} h-4 w-40`} />
          </div>
          <div className="h-11 rounded-lg border border-brand-100 bg-brand-50 sm:h-64" />
          {autoDelete && <div className="h-40 rounded-lg border border-slate-200 bg-white" />}
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm sm:p-6">
          <div className={`${bar} mb-4 h-7 w-48`} />
          {filters && <div className={`${bar} mb-4 h-56 sm:h-36 lg:h-16`} />}
          <div className="space-y-2">
            {Array.from({ length: rows }, (_, i) => (
              <div key={i} className={`${bar} h-24 sm:h-9`} />
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}
