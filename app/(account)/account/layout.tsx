import Link from "next/link";
import { categories } from "@/lib/catalog";
import { GraceBanner } from "@/components/erasure/grace-banner";
import { getMyPendingErasure } from "@/lib/dal/erasure/request";
import { requireUser } from "@/lib/dal/session";
import { keepMyAccountAction } from "./delete/actions";

const sections = [
  { href: "/account", label: "Overview" },
  { href: "/account/requests", label: "Your requests" },
  { href: "/account/profile", label: "Profile" },
  { href: "/account/security", label: "Sign-in and security" },
  { href: "/account/export", label: "Download your data" },
  // The data pages with a menu label in the catalog (lib/catalog/categories).
  ...categories.flatMap((c) => (c.menu ? [{ href: `/account/data/${c.id}`, label: c.menu }] : [])),
  { href: "/account/support-access", label: "Support access" },
  { href: "/account/staff-access", label: "Access by staff" },
  { href: "/account/preferences", label: "Email preferences" },
  { href: "/account/consents", label: "Consents" },
  { href: "/account/delete-data", label: "Delete data" },
  { href: "/account/delete", label: "Delete your account" },
];

/** The signed-in area. Each page checks the session again through lib/dal; this is navigation. */
export default async function AccountLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const erasure = await getMyPendingErasure();
  return (
    <div className="space-y-6">
      {erasure && (
        <GraceBanner
          scheduledFor={erasure.scheduledFor}
          reference={erasure.reference}
          started={erasure.status !== "received"}
          keep={keepMyAccountAction}
        />
      )}
      <nav aria-label="Your account">
        <p className="mb-2 text-sm text-slate-600">
          Signed in as <span className="font-medium text-slate-900">{user.name}</span>
        </p>
        <ul className="flex flex-wrap gap-2 text-sm">
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
