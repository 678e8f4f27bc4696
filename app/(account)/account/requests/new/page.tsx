import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { RequestForm } from "@/components/requests/request-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { HOLDER_FORM_KINDS, KINDS_WITH_OWN_PAGE } from "@/lib/requests/kinds";
import { param, type SearchParams } from "@/lib/search-params";
import { createRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.new");
  return { title: t("title") };
}

export default async function NewRequestPage(props: { searchParams: SearchParams }) {
  const session = await requireSession();
  const asked = param(await props.searchParams, "kind");
  const defaultKind = HOLDER_FORM_KINDS.find((k) => k === asked);
  const t = await getTranslations("requests");
  const ownPages = KINDS_WITH_OWN_PAGE.map((p) => ({
    ...p,
    label: t(`form.ownPage.${p.kind as "erasure" | "restriction"}`),
  }));
  return (
    <>
      <PageTitle lead={t("new.lead")}>{t("new.title")}</PageTitle>
      <Card>
        {session.readOnly ? (
          <Alert tone="warning">{t("new.readOnly")}</Alert>
        ) : (
          <RequestForm
            mode="holder"
            kinds={HOLDER_FORM_KINDS}
            defaultKind={defaultKind}
            dueDays={env.REQUEST_DUE_DAYS}
            ownPages={ownPages}
            action={createRequestAction}
          />
        )}
      </Card>
    </>
  );
}
