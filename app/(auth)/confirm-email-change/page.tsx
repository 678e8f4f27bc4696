import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { confirmEmailChangeAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auth"))("emailChange.title") };
}

/** Opened from the link sent to the new address; works whether or not you are signed in. */
export default async function ConfirmEmailChangePage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("auth.emailChange");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("title")}</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={confirmEmailChangeAction}
            label={t("confirm")}
            done={t("done")}
            doneLink={{ href: "/account/profile", label: t("profile") }}
          />
        ) : (
          <Alert tone="error">{t("needsLink")}</Alert>
        )}
      </Card>
    </div>
  );
}
