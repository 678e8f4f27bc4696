import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/session";
import { organisation } from "@/lib/organisation";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  const nav = [
    { href: "/", label: "Home" },
    { href: "/policy", label: "How we use data" },
    ...(user ? [{ href: "/account", label: "Your data" }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold text-slate-900 no-underline">
          {organisation.shortName} <span className="text-brand-700">{organisation.productName}</span>
        </Link>
        <nav aria-label="Main" className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm">
          <ul className="flex flex-wrap gap-x-4 gap-y-1">
            {nav.map((item) => (
              <li key={item.href}>
                <Link href={item.href} className="text-slate-700 no-underline hover:underline">
                  {item.label}
                </Link>
              </li>
            ))}
          </ul>
          {user ? <SignOutButton /> : <Link href="/sign-in" className="font-medium">Sign in</Link>}
        </nav>
      </div>
    </header>
  );
}
