import { getTranslations } from "next-intl/server";
import { getImpersonationBanner } from "@/lib/dal/support/impersonation";
import { BannerCountdown } from "./banner-countdown";

/**
 * Shown on every page while this browser is in a support view (rendered by the root layout):
 * whose account it is, who is looking, that nothing can be changed, the time left, and "End
 * session". It stays at the top while the page scrolls; the page's scroll padding keeps it from
 * covering whatever gets focus or is scrolled to (the :root:has(...) classes below).
 */
export async function ImpersonationBanner() {
  const banner = await getImpersonationBanner();
  if (!banner) return null;
  const t = await getTranslations("support.banner");
  const title = banner.breakGlass
    ? t("emergencyOf", { name: banner.userName })
    : t("viewOf", { name: banner.userName });
  return (
    <section
      aria-label={t("region")}
      className="sticky top-0 z-40 border-b-4 border-amber-600 bg-amber-300 text-slate-950 [:root:has(&)]:scroll-pt-32 sm:[:root:has(&)]:scroll-pt-24"
    >
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-x-3 gap-y-1 px-4 py-2 sm:px-6">
        <p className="min-w-0 text-sm break-words">
          <strong>{title}</strong> <span className="hidden sm:inline">({banner.userEmail}) </span>·{" "}
          {t("byAgent", { agent: banner.staffName })} · {t("readOnly")}
          <span className="hidden md:inline"> · {t("holderSees")}</span>
        </p>
        <BannerCountdown expiresAt={banner.expiresAt.toISOString()} />
      </div>
    </section>
  );
}
