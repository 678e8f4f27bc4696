import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { confirmNewsletterAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.newsletter");
  return { title: t("metaTitle") };
}

export default async function NewsletterConfirmPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("rights");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("newsletter.title")}</PageTitle>
      <Card>
        {token ? (
          <LinkConfirm
            token={token}
            action={confirmNewsletterAction}
            label={t("newsletter.confirm")}
            done={t("newsletter.done")}
            doneLink={{ href: "/account/preferences", label: t("newsletter.preferences") }}
          />
        ) : (
          <Alert tone="error">{t("link.needed")}</Alert>
        )}
      </Card>
    </div>
  );
}
