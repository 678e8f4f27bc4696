import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RequestTracker } from "@/components/requests/tracker";
import { TrackerActions } from "@/components/requests/tracker-actions";
import { PageTitle } from "@/components/ui/card";
import { getMyRequest } from "@/lib/dal/requests/holder";
import { requireSession } from "@/lib/dal/session";
import { cancelRequestAction, messageRequestAction } from "../actions";

export const metadata: Metadata = { title: "Your request" };

export default async function RequestTrackerPage(props: {
  params: Promise<{ reference: string }>;
}) {
  const { reference } = await props.params;
  const session = await requireSession();
  const request = await getMyRequest(decodeURIComponent(reference));
  if (!request) notFound();
  return (
    <>
      <PageTitle lead={<Link href="/account/requests">All your requests</Link>}>
        Request {request.reference}
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
