import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { verifyEmailAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("verify.metaTitle") };
}

export default async function VerifyEmailPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("auth.verify");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={verifyEmailAction}
            label={t("confirm")}
            done={t("done")}
            doneLink={{ href: "/sign-in", label: t("signIn") }}
          />
        ) : (
          <Alert tone="error">{t("needsLink")}</Alert>
        )}
      </Card>
    </div>
  );
}
