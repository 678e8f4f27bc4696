import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { safeNextPath } from "@/lib/auth/redirect";
import { getCurrentUser } from "@/lib/dal/session";
import { SignInForm } from "./sign-in-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("signIn.title") };
}

export default async function SignInPage(props: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  // Only same-origin paths: "next" must never send anyone to another site.
  const query = await props.searchParams;
  const next = safeNextPath(query.next);
  if (await getCurrentUser()) redirect(next);
  const t = await getTranslations("auth.signIn");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle lead={t("lead")}>{t("title")}</PageTitle>
      <Card>
        {query.ended === "attempts" && (
          <div className="mb-4">
            <Alert tone="error">{t("endedAttempts")}</Alert>
          </div>
        )}
        {query.reported === "1" && (
          <div className="mb-4">
            <Alert tone="success">{t("reported")}</Alert>
          </div>
        )}
        <SignInForm next={next} />
      </Card>
      <p className="mt-4 text-sm text-slate-700">
        {t.rich("noAccount", {
          link: (chunks) => <Link href="/requests/new">{chunks}</Link>,
        })}
      </p>
    </div>
  );
}
