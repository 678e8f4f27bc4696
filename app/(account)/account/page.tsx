import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { categoryHref, formatCount, formatDateTime } from "@/components/data/format";
import { categories } from "@/lib/catalog";
import { requireUser } from "@/lib/dal/session";
import { getMyCategoryStats } from "@/lib/dal/data/overview";
import { listMyOpenRequests } from "@/lib/dal/requests/dossier";
import { env } from "@/lib/env";
import { AccountGreeting } from "@/components/support/account-greeting";
import { RightsHub, rightsActions } from "@/components/rights/rights-hub";

export const metadata: Metadata = { title: "Your data" };

/**
 * The signed-in home: one card per catalog category with how many items we hold, the latest
 * one, and why. Counts come from one query and stay fast however long the history is (see
 * EXACT_COUNT_CAP in lib/dal/data/overview.ts).
 */
export default async function AccountHome() {
  const user = await requireUser();
  const [rawStats, open] = await Promise.all([
    getMyCategoryStats(categories.map((c) => c.id)),
    listMyOpenRequests(),
  ]);
  const stats = new Map(rawStats.map((s) => [s.id, s]));
  const actions = rightsActions({
    dueDays: env.REQUEST_DUE_DAYS,
    graceDays: env.ERASURE_GRACE_DAYS,
    authority: env.SUPERVISORY_AUTHORITY_NAME,
  });
  return (
    <>
      <PageTitle lead="Every kind of data we hold about you, how much of it, and why we have it.">
        <AccountGreeting>Hello, {user.name}</AccountGreeting>
      </PageTitle>
      <div className="mb-8">
        <RightsHub actions={actions} open={open} />
      </div>
      <h2 className="mb-4 text-xl font-bold">Your data</h2>
      <ul className="grid gap-4 sm:grid-cols-2" aria-label="Your data by category">
        {categories.map((c) => {
          const s = stats.get(c.id)!;
          return (
            <li key={c.id} className="flex [&>section]:w-full">
              <Card title={c.title} id={`cat-${c.id}`}>
                <p className="text-sm text-slate-700">{c.summary}</p>
                <p className="mt-2 text-sm">
                  <span className="font-semibold" data-testid={`count-${c.id}`}>
                    {formatCount(s.count.value, s.count.approximate)}
                  </span>{" "}
                  {s.count.value === 1 ? "item" : "items"}
                  {s.latest && (
                    <span className="text-slate-600"> · latest {formatDateTime(s.latest)}</span>
                  )}
                </p>
                <Link
                  href={categoryHref(c.id)}
                  className="mt-2 inline-block text-sm"
                  aria-label={`See ${c.title}`}
                >
                  See {c.title.toLowerCase()}
                </Link>
              </Card>
            </li>
          );
        })}
      </ul>
      <section aria-labelledby="more" className="mt-8 space-y-2 text-sm">
        <h2 id="more" className="text-lg font-semibold">
          More about your account
        </h2>
        <ul className="list-disc space-y-1 pl-5">
          <li>
            <Link href="/account/profile">Check and correct your profile</Link>
          </li>
          <li>
            <Link href="/account/security">
              Sign-in and security: sessions, password, sign-in history
            </Link>
          </li>
          <li>
            <Link href="/account/export">Download everything as JSON or CSV</Link>
          </li>
          <li>
            <Link href="/account/preferences">
              Marketing email: newsletter, tracking and profiling choices
            </Link>
          </li>
          <li>
            <Link href="/account/consents">Your consent history, and the cookie settings</Link>
          </li>
          <li>
            <Link href="/account/support-access">
              Let support look at your account for a ticket
            </Link>
            , and see <Link href="/account/staff-access">every time our staff did</Link>
          </li>
          <li>
            <Link href="/account/requests">Your privacy requests and their deadlines</Link>
          </li>
        </ul>
      </section>
    </>
  );
}
