import type { Metadata } from "next";
import { Card, PageTitle } from "@/components/ui/card";
import { listMySupportGrants } from "@/lib/dal/support/grants";
import { GrantForm } from "./grant-form";
import { GrantsList } from "./grants-list";

export const metadata: Metadata = { title: "Support access" };

export default async function SupportAccessPage() {
  const { active, past } = await listMySupportGrants();
  return (
    <>
      <PageTitle lead="Our support team cannot look at your account unless you let them, for one ticket and for a limited time.">
        Support access
      </PageTitle>
      <div className="space-y-6">
        <Card title="Let support look at your account" id="grant">
          <p className="mb-4 text-sm text-slate-700">
            An agent working on your ticket can then see your account as you see it, for at most an
            hour at a time, without being able to change anything. We email you when they start, and
            you can see every page they opened under{" "}
            <a href="/account/staff-access">Access by staff</a>.
          </p>
          <GrantForm />
        </Card>
        <Card title="Permissions in force" id="active">
          <GrantsList grants={active} empty="Support cannot look at your account at the moment." />
        </Card>
        <Card title="Earlier permissions" id="past">
          <GrantsList grants={past} empty="You have not given support access before." />
        </Card>
      </div>
    </>
  );
}
