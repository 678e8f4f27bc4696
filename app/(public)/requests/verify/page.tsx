import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { ConfirmRequest } from "./confirm-request";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.verify");
  return { title: t("title") };
}

export default async function ConfirmRequestPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("requests");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("verify.title")}</PageTitle>
      <Card>
        {token ? (
          <div className="space-y-3">
            <p className="text-sm">{t("verify.lead")}</p>
            <ConfirmRequest token={token} />
          </div>
        ) : (
          <Alert tone="error">{t("public.needsLink")}</Alert>
        )}
      </Card>
    </div>
  );
}
