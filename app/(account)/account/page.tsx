import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ChoicesState } from "@/components/layout/choices-state";
import { DataGroups } from "@/components/layout/data-groups";
import { PageTitle } from "@/components/ui/card";
import { RightsHub } from "@/components/rights/rights-hub";
import { readConsent } from "@/components/consent/consent-state";
import { CATEGORY_IDS } from "@/lib/catalog/ids";
import { requireUser } from "@/lib/dal/session";
import { getMyCategoryStats } from "@/lib/dal/data/overview";
import { getMyMarketingPreferences } from "@/lib/dal/marketing";
import { listMyOpenRequests } from "@/lib/dal/requests/dossier";
import { listMySupportGrants } from "@/lib/dal/support/grants";
import { env } from "@/lib/env";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("overview");
  return { title: t("title") };
}

/**
 * The signed-in home, in the order a person asks: what can I do (the rights hub), what have I
 * allowed (marketing mail, cookies, support access), and what do you hold (every catalog
 * category, grouped, with a count). Counts come from one query and stay fast however long the
 * history is (see EXACT_COUNT_CAP in lib/dal/data/overview.ts).
 */
export default async function AccountHome() {
  await requireUser();
  const [stats, open, prefs, grants, consent, t] = await Promise.all([
    getMyCategoryStats([...CATEGORY_IDS]),
    listMyOpenRequests(),
    getMyMarketingPreferences(),
    listMySupportGrants(),
    readConsent(),
    getTranslations("overview"),
  ]);
  const now = new Date();
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-8">
        <RightsHub
          open={open}
          config={{
            dueDays: env.REQUEST_DUE_DAYS,
            graceDays: env.ERASURE_GRACE_DAYS,
            authority: env.SUPERVISORY_AUTHORITY_NAME,
          }}
        />
        <ChoicesState prefs={prefs} cookies={consent.effective} grants={grants.active} />
        <DataGroups stats={stats} now={now} />
      </div>
    </>
  );
}
