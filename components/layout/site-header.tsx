import Link from "next/link";
import { getCurrentSession } from "@/lib/dal/session";
import { organisation } from "@/lib/organisation";
import { SignOutButton } from "./sign-out-button";

export async function SiteHeader() {
  const session = await getCurrentSession();
  const user = session?.user;
  // Staff links only in the staff member's own session, never inside a support view (where
  // the "user" is the customer and the banner's "End session" is the way out).
  const staff = user && !session.impersonatorId ? user.role : null;
  const nav = [
    { href: "/", label: "Home" },
    { href: "/policy", label: "How we use data" },
    ...(user ? [{ href: "/account", label: "Your data" }] : []),
    ...(staff === "agent" || staff === "admin" ? [{ href: "/support", label: "Support" }] : []),
    ...(staff === "admin" ? [{ href: "/admin/audit", label: "Admin" }] : []),
  ];
  return (
    <header className="border-b border-slate-200 bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-3 px-4 py-3 sm:px-6">
        <Link href="/" className="text-lg font-semibold text-slate-900 no-underline">
          {organisation.shortName}{" "}
          <span className="text-brand-700">{organisation.productName}</span>
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
          {session?.impersonatorId ? null : user ? (
            <SignOutButton />
          ) : (
            <Link href="/sign-in" className="font-medium">
              Sign in
            </Link>
          )}
        </nav>
      </div>
    </header>
  );
}
