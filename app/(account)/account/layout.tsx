import Link from "next/link";
import { requireUser } from "@/lib/auth/session";

const sections = [
  { href: "/account", label: "Overview" },
  { href: "/account/profile", label: "Profile" },
  { href: "/account/security", label: "Sign-in and security" },
  { href: "/account/export", label: "Download your data" },
];

/** The signed-in area. Each page checks the session again through lib/dal; this is navigation. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  return (
    <div className="space-y-6">
      <nav aria-label="Your account" className="-mx-4 overflow-x-auto px-4 sm:mx-0 sm:px-0">
        <p className="mb-2 text-sm text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{user.name}</span>
        </p>
        <ul className="flex gap-2 text-sm whitespace-nowrap">
          {sections.map((s) => (
            <li key={s.href}>
              <Link
                href={s.href}
                className="inline-block rounded-full border border-slate-300 bg-white px-3 py-1 text-slate-800 no-underline hover:bg-slate-100"
              >
                {s.label}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      {children}
    </div>
  );
}
