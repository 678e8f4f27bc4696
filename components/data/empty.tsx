export function Empty({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-700">
      {children}
    </p>
  );
}
