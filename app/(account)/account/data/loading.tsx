export default function Loading() {
  return (
    <div role="status" aria-live="polite" className="space-y-3">
      <p className="text-sm text-slate-700">Loading your data…</p>
      <div className="h-24 animate-pulse rounded-lg bg-slate-200" />
      <div className="h-48 animate-pulse rounded-lg bg-slate-200" />
    </div>
  );
}
