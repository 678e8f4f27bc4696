import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/session";
import { getSupportAccount } from "@/lib/dal/support/console";
import { VIEW_MINUTES } from "@/lib/dal/support/impersonation";
import { BreakGlassForm, OpenUserForm } from "./open-forms";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("support.account"))("metaTitle") };
}

export default async function SupportAccountPage(props: { params: Promise<{ id: string }> }) {
  const staff = await requireRole("agent");
  const account = await getSupportAccount((await props.params).id);
  if (!account) notFound();
  const t = await getTranslations("support.account");
  const until = account.grantActiveUntil;
  return (
    <>
      <PageTitle lead={<span className="break-all">{account.email}</span>}>
        {account.name}
      </PageTitle>
      <div className="space-y-6">
        <Card title={t("openTitle")} id="open">
          {until ? (
            <>
              <p className="mb-4 text-sm text-slate-700">
                {t.rich("granted", {
                  minutes: VIEW_MINUTES,
                  time: () => <LocalTime value={until} />,
                })}
              </p>
              <OpenUserForm userId={account.id} />
            </>
          ) : (
            <Alert tone="warning">{t("noGrant")}</Alert>
          )}
        </Card>
        {staff.role === "admin" && (
          <Card title={t("breakGlassTitle")} id="break-glass">
            <p className="mb-4 text-sm text-slate-700">{t("breakGlassLead")}</p>
            <BreakGlassForm userId={account.id} />
          </Card>
        )}
        <p className="text-sm">
          <Link href="/support">{t("back")}</Link>
        </p>
      </div>
    </>
  );
}
