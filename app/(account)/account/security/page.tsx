import type { Metadata } from "next";
import Link from "next/link";
import { SignInHistoryTable } from "@/components/auth/sign-in-history";
import { Card, PageTitle } from "@/components/ui/card";
import { listMySessions, listMySignIns } from "@/lib/dal/sessions";
import { PasswordForm } from "./password-form";
import { SessionsList } from "./sessions-list";

export const metadata: Metadata = { title: "Sign-in and security" };

export default async function SecurityPage() {
  const [sessions, history] = await Promise.all([listMySessions(), listMySignIns({ limit: 10 })]);
  return (
    <>
      <PageTitle lead="Where your account is signed in, and every attempt to sign in to it.">
        Sign-in and security
      </PageTitle>
      <div className="space-y-6">
        <Card title="Where you are signed in" id="sessions">
          <SessionsList sessions={sessions} />
        </Card>
        <Card title="Change your password" id="password">
          <PasswordForm />
        </Card>
        <Card title="Recent sign-ins" id="history">
          {history.items.length === 0 ? (
            <p className="text-sm text-slate-700">No sign-ins recorded yet.</p>
          ) : (
            <SignInHistoryTable items={history.items} />
          )}
          <p className="mt-3 text-sm">
            <Link href="/account/data/login-activity">
              Every sign-in, with a chart and why we keep them
            </Link>
          </p>
        </Card>
      </div>
    </>
  );
}
