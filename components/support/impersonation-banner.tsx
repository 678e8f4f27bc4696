import { getImpersonationBanner } from "@/lib/dal/support/impersonation";
import { BannerCountdown } from "./banner-countdown";

/**
 * Shown on every page while this browser is in a support view (rendered by the root layout):
 * whose account it is, that nothing can be changed, the time left, and "End session".
 */
export async function ImpersonationBanner() {
  const banner = await getImpersonationBanner();
  if (!banner) return null;
  return (
    <section
      aria-label="Support view"
      className="border-b-4 border-amber-600 bg-amber-300 text-slate-950"
    >
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <p className="text-sm">
          <strong>
            {banner.breakGlass ? "Emergency view" : "Support view"} of {banner.userName}
          </strong>{" "}
          ({banner.userEmail}) · read-only: nothing can be changed · the account holder can see
          every page you open.
        </p>
        <BannerCountdown expiresAt={banner.expiresAt.toISOString()} />
      </div>
    </section>
  );
}
