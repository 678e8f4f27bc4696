import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { SupportNav } from "@/components/support/support-nav";
import { Card, PageTitle } from "@/components/ui/card";
import { TextField } from "@/components/ui/field";
import { requireRole } from "@/lib/dal/session";
import { searchAccounts } from "@/lib/dal/support/console";
import { param, type SearchParams } from "@/lib/search-params";
import { accountSearchSchema } from "@/lib/validation/support";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Support console" };

export default async function SupportConsolePage(props: { searchParams: SearchParams }) {
  await requireRole("agent");
  const raw = param(await props.searchParams, "q");
  const parsed = raw ? accountSearchSchema.safeParse({ q: raw }) : null;
  const results = parsed?.success ? await searchAccounts(parsed.data.q) : null;
  const error = parsed && !parsed.success ? parsed.error.issues[0]?.message : undefined;
  return (
    <>
      <SupportNav current="/support" />
      <PageTitle lead="Find the customer who asked for help. You can open their account only while they have given access for your ticket.">
        Support console
      </PageTitle>
      <div className="space-y-6">
        <Card title="Find an account" id="search">
          {/* A GET form: the search is a page address an agent can come back to. */}
          <form
            method="get"
            action="/support"
            role="search"
            className="flex flex-wrap items-end gap-3"
          >
            <div className="min-w-64 flex-1">
              <TextField
                label="Email address or account id"
                name="q"
                defaultValue={raw}
                error={error}
                autoComplete="off"
              />
            </div>
            <Button type="submit">Search</Button>
          </form>
        </Card>
        {results && (
          <Card title="Accounts found" id="results">
            {results.length === 0 ? (
              <p className="text-sm text-slate-700">No customer account matches “{raw}”.</p>
            ) : (
              <div
                className="overflow-x-auto"
                tabIndex={0}
                role="region"
                aria-label="Accounts found table"
              >
                {/* Scrolls sideways on a phone; focusable so a keyboard can scroll it too. */}
                <table className="w-full text-left text-sm">
                  <caption className="sr-only">Customer accounts matching the search</caption>
                  <thead>
                    <tr className="border-b border-slate-200">
                      <th scope="col" className="py-2 pr-3">
                        Name
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Email
                      </th>
                      <th scope="col" className="py-2 pr-3">
                        Support access
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {results.map((a) => (
                      <tr key={a.id} className="border-b border-slate-100">
                        <td className="py-2 pr-3">
                          <Link href={`/support/accounts/${a.id}`}>{a.name}</Link>
                        </td>
                        <td className="py-2 pr-3">{a.email}</td>
                        <td className="py-2 pr-3">
                          {a.grantActiveUntil
                            ? `Granted until ${formatDateTime(a.grantActiveUntil)}`
                            : "Not granted"}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
