import Link from "next/link";
import { categories } from "@/lib/catalog";
import { organisation } from "@/lib/organisation";

const offers = [
  {
    title: "See everything we hold",
    body: "Every kind of data about you — sign-ins, printers, print jobs, Cura settings, diagnostics — with the reason we keep it and when it goes.",
  },
  {
    title: "Take it with you",
    body: "Download all of it as JSON or as spreadsheets (CSV), straight from our database, whenever you like.",
  },
  {
    title: "Decide what we may do",
    body: "Choose which cookies and marketing emails you accept, restrict or object to processing, and change your mind at any time.",
  },
  {
    title: "Correct or erase",
    body: `Fix your profile, or ask us to delete your account. We answer every request within ${organisation.responseDeadlineDays} days, and you can follow it here.`,
  },
  {
    title: "Know who looked",
    body: "Support staff see your account only when you allow it, for a ticket and a limited time, and you see every page they opened.",
  },
];

export default function HomePage() {
  return (
    <div className="space-y-10">
      <section className="space-y-4">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          Your data at {organisation.shortName}, in your hands
        </h1>
        <p className="max-w-2xl text-lg text-slate-700">
          This is where you see what {organisation.name} knows about you, why, and for how long —
          and where you use your privacy rights without writing a single email.
        </p>
        <div className="flex flex-wrap gap-3">
          <Link
            href="/sign-in"
            className="rounded-md bg-brand-700 px-4 py-2 font-medium text-white no-underline hover:bg-brand-800"
          >
            Sign in to see your data
          </Link>
          <Link
            href="/policy"
            className="rounded-md border border-slate-300 bg-white px-4 py-2 font-medium text-slate-800 no-underline"
          >
            Read how we use data
          </Link>
        </div>
        <p className="text-sm text-slate-700">
          No account, or cannot sign in?{" "}
          <Link href="/requests/new">Make a request about your data without one</Link>.
        </p>
      </section>

      <section aria-labelledby="offers" className="space-y-4">
        <h2 id="offers" className="text-xl font-semibold">
          What you can do here
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
          {offers.map((o) => (
            <li key={o.title} className="rounded-lg border border-slate-200 bg-white p-4">
              <h3 className="font-semibold">{o.title}</h3>
              <p className="mt-1 text-sm text-slate-700">{o.body}</p>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="kinds" className="space-y-3">
        <h2 id="kinds" className="text-xl font-semibold">
          The {categories.length} kinds of data we keep
        </h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {categories.map((c) => (
            <li key={c.id}>
              <span className="font-medium">{c.title}</span> — {c.summary}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
