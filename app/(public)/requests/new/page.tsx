import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RequestForm } from "@/components/requests/request-form";
import { Card, PageTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { PUBLIC_FORM_KINDS } from "@/lib/requests/kinds";
import { submitPublicRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.public");
  return { title: t("metaTitle") };
}

export default async function PublicRequestPage() {
  const t = await getTranslations("requests.public");
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle
        lead={t.rich("lead", {
          link: (chunks) => <Link href="/account/requests/new">{chunks}</Link>,
        })}
      >
        {t("title")}
      </PageTitle>
      <Card>
        <RequestForm
          mode="public"
          kinds={PUBLIC_FORM_KINDS}
          dueDays={env.REQUEST_DUE_DAYS}
          action={submitPublicRequestAction}
        />
      </Card>
    </div>
  );
}
