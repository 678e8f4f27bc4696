import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { ResetPasswordForm } from "./reset-password-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("reset.title") };
}

export default async function ResetPasswordPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("auth.reset");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        {token ? (
          <ResetPasswordForm token={token} />
        ) : (
          <Alert tone="error">
            {t.rich("needsLink", {
              link: (chunks) => <Link href="/forgot-password">{chunks}</Link>,
            })}
          </Alert>
        )}
      </Card>
    </div>
  );
}
