/**
 * The loading state of a data page. Each list page has its own loading.tsx re-exporting this,
 * deliberately not one at app/(account)/account/data/: a Suspense boundary above the detail
 * pages would start streaming with status 200 before notFound() could answer 404 for an id
 * that is not the user's.
 */
export function LoadingSkeleton() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="text-sm text-slate-700">Loading your data…</p>
      <div className="h-24 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
