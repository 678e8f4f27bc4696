import { env } from "@/lib/env";

/**
 * Under DEMO_MODE (a demonstration or the test suite on a production build), every page says
 * so: the demo sign-ins have published passwords, so nobody should type real data here.
 */
export function DemoBanner() {
  if (!env.DEMO_MODE) return null;
  return (
    <aside aria-label="Demo mode" className="border-b border-slate-400 bg-slate-100 text-slate-950">
      <p className="mx-auto max-w-5xl px-4 py-1.5 text-sm sm:px-6">
        <strong>Demo mode</strong> — sample data, do not use real information.
      </p>
    </aside>
  );
}
