import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LocalTime } from "@/components/i18n/local-time";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { getMyPendingErasure } from "@/lib/dal/erasure/request";
import { env } from "@/lib/env";
import { erasureStatement } from "@/lib/erasure/plan";
import { DeleteAccountForm } from "./delete-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.delete");
  return { title: t("title") };
}

export default async function DeleteAccountPage() {
  const t = await getTranslations("rights.delete");
  const pending = await getMyPendingErasure();
  const statement = erasureStatement();
  const days = env.ERASURE_GRACE_DAYS;
  // Test servers use a grace of minutes; people get days.
  const grace =
    days >= 1
      ? t("days", { n: Math.round(days) })
      : t("minutes", { n: Math.max(1, Math.round(days * 24 * 60)) });
  return (
    <>
      <PageTitle lead={t("lead", { grace })}>{t("title")}</PageTitle>
      <div className="space-y-6">
        {pending && (
          <Alert tone="warning">
            {t.rich("pending", {
              when: () => <LocalTime value={pending.scheduledFor} />,
              reference: pending.reference,
            })}
          </Alert>
        )}
        <Card title={t("deleted")} id="deleted">
          <ul className="space-y-3 text-sm">
            {statement.deleted.map((d) => (
              <li key={d.category}>
                <span className="font-medium text-slate-900">{d.category}</span>
                <span className="block break-words text-slate-700">{d.tables.join("; ")}</span>
              </li>
            ))}
          </ul>
        </Card>
        <Card title={t("kept")} id="kept">
          <ul className="space-y-3 text-sm">
            {statement.stays.map((s) => (
              <li key={s.what}>
                <span className="font-medium text-slate-900">{s.what}</span>
                <span className="block text-slate-700">
                  {s.action === "anonymise"
                    ? t("keptAnonymised", { how: s.how ?? "" })
                    : t("keptAsIs", { how: s.how ?? "" })}
                </span>
                <span className="block text-slate-700">{t("why", { basis: s.basis ?? "" })}</span>
              </li>
            ))}
          </ul>
        </Card>
        {!pending && (
          <Card title={t("confirm")} id="confirm">
            <DeleteAccountForm grace={grace} />
          </Card>
        )}
      </div>
    </>
  );
}
