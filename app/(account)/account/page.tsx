import type { Metadata } from "next";
import Link from "next/link";
import { Card, PageTitle } from "@/components/ui/card";
import { categories } from "@/lib/catalog";
import { requireUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "Your data" };

export default async function AccountHome() {
  const user = await requireUser();
  return (
    <>
      <PageTitle lead="Every kind of data we hold about you, and why.">Hello, {user.name}</PageTitle>
      <div className="grid gap-4 sm:grid-cols-2">
        <Card title="Your profile" id="profile">
          <p className="text-sm text-slate-700">Check and correct what we know about you.</p>
          <Link href="/account/profile">Review your profile</Link>
        </Card>
        <Card title="Sign-in and security" id="security">
          <p className="text-sm text-slate-700">
            See where you are signed in, end sessions, and review every sign-in.
          </p>
          <Link href="/account/security">Review your security</Link>
        </Card>
      </div>
      <section aria-labelledby="kinds" className="mt-8 space-y-2">
        <h2 id="kinds" className="text-lg font-semibold">
          What we hold
        </h2>
        <ul className="grid gap-2 text-sm sm:grid-cols-2">
          {categories.map((c) => (
            <li key={c.id} className="rounded-md border border-slate-200 bg-white p-3">
              <span className="font-medium">{c.title}</span>
              <p className="text-slate-700">{c.summary}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
