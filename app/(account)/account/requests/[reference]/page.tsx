import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { RequestTracker } from "@/components/requests/tracker";
import { TrackerActions } from "@/components/requests/tracker-actions";
import { PageTitle } from "@/components/ui/card";
import { getMyRequest } from "@/lib/dal/requests/holder";
import { requireSession } from "@/lib/dal/session";
import { cancelRequestAction, messageRequestAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.tracker");
  return { title: t("metaTitle") };
}

export default async function RequestTrackerPage(props: {
  params: Promise<{ reference: string }>;
}) {
  const { reference } = await props.params;
  const session = await requireSession();
  const request = await getMyRequest(decodeURIComponent(reference));
  if (!request) notFound();
  const t = await getTranslations("requests.tracker");
  return (
    <>
      <PageTitle lead={<Link href="/account/requests">{t("all")}</Link>}>
        {t("title", { reference: request.reference })}
      </PageTitle>
      <RequestTracker
        request={request}
        actions={
          session.readOnly ? undefined : (
            <TrackerActions
              messageAction={messageRequestAction.bind(null, request.reference)}
              cancelAction={cancelRequestAction.bind(null, request.reference)}
            />
          )
        }
      />
    </>
  );
}
