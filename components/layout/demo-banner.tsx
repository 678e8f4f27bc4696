import { getTranslations } from "next-intl/server";
import { env } from "@/lib/env";

/**
 * Under DEMO_MODE (a demonstration or the test suite on a production build), every page says
 * so: the demo sign-ins have published passwords, so nobody should type real data here.
 */
export async function DemoBanner() {
  if (!env.DEMO_MODE) return null;
  const t = await getTranslations("common.demo");
  return (
    <aside
      aria-label={t("label")}
      className="border-b border-slate-400 bg-slate-100 text-slate-950"
    >
      <p className="mx-auto max-w-6xl px-4 py-1.5 text-sm sm:px-6">
        <strong>{t("title")}</strong> — {t("text")}
      </p>
    </aside>
  );
}
