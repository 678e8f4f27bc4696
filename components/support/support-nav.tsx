import Link from "next/link";

const links = [
  { href: "/support", label: "Account search" },
  { href: "/support/requests", label: "Requests" },
] as const;

/**
 * The support area's own navigation, rendered by its pages (not a layout: a refused visitor
 * gets the bare "not found" page, which must not show staff links).
 */
export function SupportNav({ current }: { current: (typeof links)[number]["href"] }) {
  return (
    <nav aria-label="Support" className="mb-6 border-b border-slate-200 pb-3">
      <ul className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {links.map((l) => (
          <li key={l.href}>
            <Link
              href={l.href}
              aria-current={l.href === current ? "page" : undefined}
              className={l.href === current ? "font-semibold no-underline" : undefined}
            >
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
