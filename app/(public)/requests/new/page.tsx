import type { Metadata } from "next";
import Link from "next/link";
import { RequestForm } from "@/components/requests/request-form";
import { Card, PageTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { PUBLIC_FORM_KINDS } from "@/lib/requests/kinds";
import { submitPublicRequestAction } from "../actions";

export const metadata: Metadata = { title: "Make a request without an account" };

export default function PublicRequestPage() {
  return (
    <div className="mx-auto max-w-2xl">
      <PageTitle
        lead={
          <>
            No account, or cannot sign in? Ask us here. If you can sign in,{" "}
            <Link href="/account/requests/new">make the request from your account</Link>: you can
            follow it there.
          </>
        }
      >
        Make a request about your data
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
