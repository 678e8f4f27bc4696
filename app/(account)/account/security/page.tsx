import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { SignInHistory } from "@/components/auth/sign-in-history";
import { Card, PageTitle } from "@/components/ui/card";
import { listMySessions, listMySignIns } from "@/lib/dal/sessions";
import { PasswordForm } from "./password-form";
import { SessionsList } from "./sessions-list";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("security"))("page.title") };
}

export default async function SecurityPage() {
  const [sessions, history, t] = await Promise.all([
    listMySessions(),
    listMySignIns({ limit: 10 }),
    getTranslations("security"),
  ]);
  // One "now" for the server's and the browser's first render of "3 minutes ago".
  const now = new Date().getTime();
  return (
    <>
      <PageTitle lead={t("page.lead")}>{t("page.title")}</PageTitle>
      <div className="space-y-6">
        <Card title={t("sessions.title")} id="sessions">
          <SessionsList sessions={sessions} now={now} />
        </Card>
        <Card title={t("password.title")} id="password">
          <PasswordForm />
        </Card>
        <Card title={t("history.title")} id="history">
          {history.items.length === 0 ? (
            <p className="text-sm text-slate-700">{t("history.empty")}</p>
          ) : (
            <SignInHistory items={history.items} now={now} />
          )}
          <p className="mt-3 text-sm">
            <Link href="/account/data/login-activity">{t("history.more")}</Link>
          </p>
        </Card>
      </div>
    </>
  );
}
