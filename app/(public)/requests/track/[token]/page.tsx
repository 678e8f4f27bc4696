import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";
import { RequestTracker } from "@/components/requests/tracker";
import { TrackerActions } from "@/components/requests/tracker-actions";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";
import { getTrackedRequest, TRACKER_DAYS_AFTER_CLOSE } from "@/lib/dal/requests/public";
import { cancelTrackedRequestAction, messageTrackedRequestAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("requests.tracker");
  return { title: t("metaTitle"), referrer: "no-referrer" };
}

/** The tracker of a request made without an account; the signed token in the address is the key. */
export default async function PublicTrackerPage(props: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await props.params).token);
  const request = await getTrackedRequest(token);
  const t = await getTranslations("requests");
  if (!request) {
    return (
      <div className="mx-auto max-w-md">
        <PageTitle>{t("track.notFound")}</PageTitle>
        <Alert tone="error">
          {t.rich("track.invalid", {
            days: TRACKER_DAYS_AFTER_CLOSE,
            link: (chunks) => <Link href="/requests/new">{chunks}</Link>,
          })}
        </Alert>
      </div>
    );
  }
  return (
    <>
      <PageTitle lead={t("track.keep")}>
        {t("tracker.title", { reference: request.reference })}
      </PageTitle>
      <RequestTracker
        request={request}
        actions={
          <TrackerActions
            messageAction={messageTrackedRequestAction.bind(null, token)}
            cancelAction={cancelTrackedRequestAction.bind(null, token)}
          />
        }
      />
    </>
  );
}
