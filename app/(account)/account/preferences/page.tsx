import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyMarketingPreferences } from "@/lib/dal/marketing";
import { getMyProcessing } from "@/lib/dal/processing";
import { PreferencesForm } from "./preferences-form";

export const metadata: Metadata = { title: "Email preferences" };

export default async function PreferencesPage() {
  const [prefs, processing] = await Promise.all([getMyMarketingPreferences(), getMyProcessing()]);
  return (
    <>
      <PageTitle lead="What we may send you, and what we may learn from it. Everything is off unless you turn it on.">
        Email preferences
      </PageTitle>
      <Card>
        <PreferencesForm
          initial={prefs}
          profilingObjected={processing.state.objections.includes("profiling")}
        />
      </Card>
    </>
  );
}
