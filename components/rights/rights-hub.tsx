import Link from "next/link";
import { kindLabel, statusLabel } from "@/lib/requests/kinds";
import type { OpenRequestSummaryDTO } from "@/lib/dal/requests/dossier";
import { formatDate } from "@/lib/format";

export type RightsAction = {
  href: string;
  label: string;
  what: string;
  when: string;
  /** A second, smaller link (above the card-wide link's overlay). */
  also?: { href: string; label: string };
};

/** The actions a person comes to a privacy center for, each with what happens and how long. */
export function rightsActions(c: {
  dueDays: number;
  graceDays: number;
  authority: string;
}): RightsAction[] {
  const days = (n: number) => `${Number.isInteger(n) ? n : n.toFixed(1)} days`;
  return [
    {
      href: "/account/export",
      label: "Get a copy of your data",
      what: "Download everything we hold about you as JSON or CSV.",
      when: "Right away, in your browser.",
    },
    {
      href: "/account/profile",
      label: "Correct your details",
      what: "Fix your name, email address, company, country or phone number.",
      when: "Takes effect at once; a new email address after you confirm it.",
    },
    {
      href: "/account/delete",
      label: "Delete my account",
      what: "Close your account and erase the data that goes with it.",
      when: `After a ${days(c.graceDays)} grace period in which you can still cancel.`,
    },
    {
      href: "/account/delete-data",
      label: "Delete some of your data",
      what: "Erase chosen kinds of data, or a date range, and keep your account.",
      when: `We confirm and carry it out within ${days(c.dueDays)}.`,
    },
    {
      href: "/account/processing",
      label: "Restrict or object",
      what: "Stop uses of your data (marketing, profiling, diagnostics…) without deleting it.",
      when: "At once, with one switch each.",
    },
    {
      href: "/account/preferences",
      label: "Withdraw consent",
      what: "Turn off the newsletter, email tracking or profiling, or change your cookie choices.",
      when: "At once.",
      also: { href: "/account/consents", label: "Cookie choices and consent history" },
    },
    {
      href: "/account/requests/new?kind=other",
      label: "Ask something else",
      what: "Any other question or request about your personal data.",
      when: `We answer within ${days(c.dueDays)}.`,
    },
    {
      href: "/account/complaint",
      label: "Complain",
      what: `To ${c.authority}, the supervisory authority, with a dossier of your requests.`,
      when: "Whenever you want; you may contact us first.",
    },
  ];
}

export function RightsHub({
  actions,
  open,
}: {
  actions: RightsAction[];
  open: OpenRequestSummaryDTO[];
}) {
  return (
    <section aria-labelledby="your-rights" className="space-y-4">
      <h2 id="your-rights" className="text-xl font-bold">
        Your rights
      </h2>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4" aria-label="What you can do">
        {actions.map((a) => (
          <li
            key={a.href}
            className="relative flex flex-col rounded-lg border-2 border-slate-200 bg-white p-4 focus-within:border-brand-700 hover:border-brand-700"
          >
            <Link href={a.href} className="text-lg font-semibold after:absolute after:inset-0">
              {a.label}
            </Link>
            <p className="mt-1 text-sm text-slate-700">{a.what}</p>
            {a.also && (
              <Link href={a.also.href} className="relative z-10 mt-1 text-sm">
                {a.also.label}
              </Link>
            )}
            <p className="mt-auto pt-2 text-sm font-medium text-slate-900">{a.when}</p>
          </li>
        ))}
      </ul>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="font-semibold">Your open requests</h3>
        {open.length === 0 ? (
          <p className="mt-1 text-sm text-slate-700">You have no open requests.</p>
        ) : (
          <ul className="mt-2 divide-y divide-slate-200 text-sm" aria-label="Your open requests">
            {open.map((r) => (
              <li key={r.reference} className="flex flex-wrap gap-x-4 gap-y-1 py-2">
                <Link href={`/account/requests/${r.reference}`} className="font-mono font-medium">
                  {r.reference}
                </Link>
                <span>{kindLabel(r.kind)}</span>
                <span>{statusLabel(r.status)}</span>
                <span>
                  Due {formatDate(r.dueAt)}
                  {r.overdue && <strong className="ml-2 text-red-800">Overdue</strong>}
                </span>
              </li>
            ))}
          </ul>
        )}
        <p className="mt-2 text-sm">
          <Link href="/account/requests">See all your requests</Link>
        </p>
      </div>
    </section>
  );
}
