import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { listMySupportGrants } from "@/lib/dal/support/grants";
import { GrantForm } from "./grant-form";
import { GrantsList } from "./grants-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("supportAccess.title") };
}

export default async function SupportAccessPage() {
  const [{ active, past }, t] = await Promise.all([
    listMySupportGrants(),
    getTranslations("security.supportAccess"),
  ]);
  return (
    <>
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("grantTitle")} id="grant">
          <p className="mb-4 text-sm text-slate-700">
            {t.rich("explain", {
              link: (chunks) => <Link href="/account/data/staff-access">{chunks}</Link>,
            })}
          </p>
          <GrantForm />
        </Card>
        <Card title={t("activeTitle")} id="active">
          <GrantsList grants={active} empty={t("activeEmpty")} />
        </Card>
        <Card title={t("pastTitle")} id="past">
          <GrantsList grants={past} empty={t("pastEmpty")} />
        </Card>
      </div>
    </>
  );
}
