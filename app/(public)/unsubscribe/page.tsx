import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { unsubscribeAction } from "../newsletter/actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.unsubscribe");
  return { title: t("metaTitle") };
}

/** Where the unsubscribe link in every newsletter leads; no sign-in needed. */
export default async function UnsubscribePage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("rights");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("unsubscribe.title")}</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={unsubscribeAction}
            label={t("unsubscribe.confirm")}
            done={t("unsubscribe.done")}
            doneLink={{ href: "/", label: t("unsubscribe.home") }}
          />
        ) : (
          <Alert tone="error">{t("link.needed")}</Alert>
        )}
      </Card>
    </div>
  );
}
