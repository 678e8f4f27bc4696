import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/session";
import { CampaignForm } from "./campaign-form";

export const metadata: Metadata = { title: "Send a campaign" };

export default async function CampaignsPage() {
  await requireRole("admin");
  return (
    <>
      <PageTitle lead="Goes only to confirmed subscribers of the topic. Tracking is added only for those who allowed it.">
        Send a newsletter campaign
      </PageTitle>
      <Card>
        <CampaignForm />
      </Card>
    </>
  );
}
