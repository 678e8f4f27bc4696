import type { Metadata } from "next";
import { RequestForm } from "@/components/requests/request-form";
import { Alert } from "@/components/ui/alert";
import { Card, PageTitle } from "@/components/ui/card";
import { requireSession } from "@/lib/dal/session";
import { env } from "@/lib/env";
import { HOLDER_FORM_KINDS, KINDS_WITH_OWN_PAGE } from "@/lib/requests/kinds";
import { param, type SearchParams } from "@/lib/search-params";
import { createRequestAction } from "../actions";

export const metadata: Metadata = { title: "Make a request" };

export default async function NewRequestPage(props: { searchParams: SearchParams }) {
  const session = await requireSession();
  const asked = param(await props.searchParams, "kind");
  const defaultKind = HOLDER_FORM_KINDS.find((k) => k === asked);
  return (
    <>
      <PageTitle lead="Tell us what you would like us to do with your data. You can follow the request and add to it afterwards.">
        Make a request
      </PageTitle>
      <Card>
        {session.readOnly ? (
          <Alert tone="warning">
            This is a read-only support session: requests can only be made by the account holder,
            signed in themselves.
          </Alert>
        ) : (
          <RequestForm
            mode="holder"
            kinds={HOLDER_FORM_KINDS}
            defaultKind={defaultKind}
            dueDays={env.REQUEST_DUE_DAYS}
            ownPages={KINDS_WITH_OWN_PAGE}
            action={createRequestAction}
          />
        )}
      </Card>
    </>
  );
}
