import type { Metadata } from "next";
import Link from "next/link";
import { RequestTracker } from "@/components/requests/tracker";
import { TrackerActions } from "@/components/requests/tracker-actions";
import { Alert } from "@/components/ui/alert";
import { PageTitle } from "@/components/ui/card";
import { getTrackedRequest, TRACKER_DAYS_AFTER_CLOSE } from "@/lib/dal/requests/public";
import { cancelTrackedRequestAction, messageTrackedRequestAction } from "../../actions";

export const metadata: Metadata = { title: "Your request", referrer: "no-referrer" };

/** The tracker of a request made without an account; the signed token in the address is the key. */
export default async function PublicTrackerPage(props: { params: Promise<{ token: string }> }) {
  const token = decodeURIComponent((await props.params).token);
  const request = await getTrackedRequest(token);
  if (!request) {
    return (
      <div className="mx-auto max-w-md">
        <PageTitle>Request not found</PageTitle>
        <Alert tone="error">
          This link is not valid: it may be incomplete or changed, or the request was closed more
          than {TRACKER_DAYS_AFTER_CLOSE} days ago. Use the link from the email we sent when you
          confirmed your request, or <Link href="/requests/new">make a new request</Link>.
        </Alert>
      </div>
    );
  }
  return (
    <>
      <PageTitle lead="Keep the email with this link: it is the way back to this page.">
        Request {request.reference}
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
