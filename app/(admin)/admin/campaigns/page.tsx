import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/session";
import { CampaignForm } from "./campaign-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("admin.campaigns"))("metaTitle") };
}

export default async function CampaignsPage() {
  await requireRole("admin");
  const t = await getTranslations("admin.campaigns");
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        <CampaignForm />
      </Card>
    </>
  );
}
