import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { LinkConfirm } from "@/components/auth/link-confirm";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { param, type SearchParams } from "@/lib/search-params";
import { keepAccountWithTokenAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("rights.keep");
  return { title: t("metaTitle") };
}

/**
 * Where the link in the "your account will be deleted" mail leads; no sign-in needed (the signed
 * token is the proof). Opening it changes nothing: only the button does.
 */
export default async function KeepAccountPage(props: { searchParams: SearchParams }) {
  const token = param(await props.searchParams, "token");
  const t = await getTranslations("rights");
  return (
    <div className="mx-auto max-w-md">
      <PageTitle>{t("keep.title")}</PageTitle>
      <Card>
        {token ? (
          <div className="space-y-3">
            <p className="text-sm text-slate-700">{t("keep.lead")}</p>
            <LinkConfirm
              token={token}
              action={keepAccountWithTokenAction}
              label={t("keep.confirm")}
              done={t("keep.done")}
              doneLink={{ href: "/sign-in", label: t("keep.signIn") }}
            />
          </div>
        ) : (
          <Alert tone="error">{t("link.needed")}</Alert>
        )}
      </Card>
    </div>
  );
}
