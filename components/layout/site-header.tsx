import Link from "next/link";
import { getCurrentSession, headerStateOf } from "@/lib/dal/session";
import { organisation } from "@/lib/organisation";
import { HeaderNav } from "./header-nav";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  // The first answer comes with the page; HeaderNav asks again on each client navigation.
  const initial = headerStateOf(await getCurrentSession());
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold text-slate-900 no-underline">
          {organisation.shortName}{" "}
          <span className="text-brand-700">{organisation.productName}</span>
        </Link>
        <HeaderNav initial={initial} signOut={<SignOutButton />} />
      </div>
    </header>
  );
}
